import { Logger } from 'pino';
import { PeriodicTask } from './periodic-task';

const HOURLY = 3_600_000;

/**
 * A retention task: `purge()` runs at startup and then every `intervalMs` (an hour unless given) on each replica (the
 * deletes take rows with SKIP LOCKED, so replicas share the work); a failure is logged and the
 * next round tries again. What was deleted is logged when anything was.
 */
export abstract class PeriodicPurge extends PeriodicTask {
  protected constructor(
    log: Logger,
    private readonly what: string,
    intervalMs = HOURLY,
  ) {
    super(log, intervalMs, `could not delete ${what} past their retention; trying again later`);
  }

  /** Deletes what is past its retention; returns how many rows went. */
  abstract purge(): Promise<number>;

  protected async round(): Promise<void> {
    const deleted = await this.purge();
    if (deleted > 0) {
      this.log.info({ deleted }, `deleted ${this.what} past their retention`);
    }
  }
}
