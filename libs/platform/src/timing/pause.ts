import { Injectable, OnModuleDestroy } from '@nestjs/common';

/** What code that waits depends on: only how to wait (tests stand in for it). */
export type Waiting = Pick<Pause, 'for'>;

/** A wait ended early: the service began to shut down. */
export class PauseInterrupted extends Error {
  constructor() {
    super('the wait ended: the service is shutting down');
    this.name = 'PauseInterrupted';
  }
}

/**
 * Waiting as a provider of its own, so tests see how long a service means to wait without
 * waiting. Waits can be long (Retry-After up to minutes): once shutdown begins, each one still
 * going ends at once with PauseInterrupted, and a new one does not start, so a stopping replica is
 * not held up; what it was doing is taken up again by another replica or at the next start.
 */
@Injectable()
export class Pause implements OnModuleDestroy {
  private readonly waiting = new Set<{ timer: NodeJS.Timeout; interrupt: () => void }>();
  private stopping = false;

  for(ms: number): Promise<void> {
    if (this.stopping) {
      return Promise.reject(new PauseInterrupted());
    }
    return new Promise((resolve, reject) => {
      const wait = {
        timer: setTimeout(() => {
          this.waiting.delete(wait);
          resolve();
        }, ms),
        interrupt: () => reject(new PauseInterrupted()),
      };
      this.waiting.add(wait);
    });
  }

  onModuleDestroy(): void {
    this.stopping = true;
    for (const wait of this.waiting) {
      clearTimeout(wait.timer);
      wait.interrupt();
    }
    this.waiting.clear();
  }
}
