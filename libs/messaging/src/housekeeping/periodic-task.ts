import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Logger } from 'pino';

/**
 * Work a replica repeats on its own: `round()` runs at startup and then every `intervalMs`, until
 * the module is destroyed; the timer keeps no process alive. A round still running when the next
 * is due is not joined by another. A failed round is logged with `failure` and the next round tries
 * again.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running = false;

  protected constructor(
    protected readonly log: Logger,
    private readonly intervalMs: number,
    private readonly failure: string,
  ) {}

  protected abstract round(): Promise<void>;

  onApplicationBootstrap(): void {
    const run = () => {
      // A round longer than the interval (a VACUUM of a big table, a slow purge) is not joined by another.
      if (this.running) {
        return;
      }
      this.running = true;
      void this.round()
        .catch((error: unknown) => this.log.warn({ err: error }, this.failure))
        .finally(() => (this.running = false));
    };
    this.timer = setInterval(run, this.intervalMs);
    this.timer.unref();
    run();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
