import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Logger } from 'pino';

const HOURLY = 3_600_000;

/**
 * A retention task: `purge()` runs at startup and then every `intervalMs` (an hour unless given) on each replica (the
 * deletes take rows with SKIP LOCKED, so replicas share the work); a failure is logged and the
 * next round tries again. What was deleted is logged when anything was.
 */
export abstract class PeriodicPurge implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  protected constructor(
    protected readonly log: Logger,
    private readonly what: string,
    private readonly intervalMs = HOURLY,
  ) {}

  /** Deletes what is past its retention; returns how many rows went. */
  abstract purge(): Promise<number>;

  onApplicationBootstrap(): void {
    const round = () =>
      void this.purge().then(
        (deleted) => deleted > 0 && this.log.info({ deleted }, `deleted ${this.what} past their retention`),
        (error: unknown) => this.log.warn({ err: error }, `could not delete ${this.what} past their retention; trying again later`),
      );
    this.timer = setInterval(round, this.intervalMs);
    this.timer.unref();
    round();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
