import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const storage = new AsyncLocalStorage<{ correlationId: string }>();

/** Carries one correlation id through an HTTP request or a consumed message and everything it calls. */
export const CorrelationContext = {
  run<T>(correlationId: string | undefined, work: () => T): T {
    return storage.run({ correlationId: correlationId || randomUUID() }, work);
  },
  currentId(): string | undefined {
    return storage.getStore()?.correlationId;
  },
};
