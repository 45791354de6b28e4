import { Injectable, OnModuleDestroy } from '@nestjs/common';

export type ReadinessCheck = () => Promise<void>;

export interface ReadinessCheckOptions {
  /** A failure leaves the service ready but degraded: what needs only the rest (the database) still works. */
  degradesOnly?: boolean;
}

export interface CheckResult {
  status: 'ok' | 'failed';
  error?: string;
}

export interface ReadinessReport {
  ready: boolean;
  /** Ready, with a check that only degrades the service failing. */
  degraded: boolean;
  checks: Record<string, CheckResult>;
}

/**
 * Modules register what the service needs to be ready (the database, its consumer) and what only
 * degrades it when missing (Kafka: the APIs work with the database alone, messages wait in the
 * outbox); /health/ready runs them. Once shutdown begins (the first shutdown hook, before intake
 * stops and the outbox drains) the service reports itself not ready, so load balancers stop sending work.
 */
@Injectable()
export class ReadinessRegistry implements OnModuleDestroy {
  private readonly checks = new Map<string, { check: ReadinessCheck; degradesOnly: boolean }>();
  private shuttingDown = false;

  onModuleDestroy(): void {
    this.beginShutdown();
  }

  /** From now on the service reports itself not ready (bootstrapService calls it as a stop signal arrives). */
  beginShutdown(): void {
    this.shuttingDown = true;
  }

  register(name: string, check: ReadinessCheck, options: ReadinessCheckOptions = {}): void {
    this.checks.set(name, { check, degradesOnly: options.degradesOnly === true });
  }

  async evaluate(timeoutMs = 3000): Promise<ReadinessReport> {
    const entries: Array<readonly [string, CheckResult]> = await Promise.all(
      [...this.checks].map(async ([name, { check }]) => [name, await runWithTimeout(check, timeoutMs)] as const),
    );
    if (this.shuttingDown) {
      entries.push(['shutdown', { status: 'failed', error: 'the service is shutting down' }]);
    }
    const failing = entries.filter(([, result]) => result.status === 'failed').map(([name]) => name);
    const degradesOnly = (name: string) => this.checks.get(name)?.degradesOnly === true;
    const ready = failing.every(degradesOnly);
    return { ready, degraded: ready && failing.length > 0, checks: Object.fromEntries(entries) };
  }
}

async function runWithTimeout(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'ok' };
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
