import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from 'pino';

/** After a failed round a loop waits at least this long, so a database or broker outage is not hammered. */
const MIN_PAUSE_AFTER_ERROR_MS = 1_000;

export interface PollingLoopOptions {
  everyMs: number;
  /** Loops running side by side (default 1). */
  workers?: number;
  /**
   * One round. `true` means it found work: the loop looks again at once, without waiting. An error
   * is logged and the loop goes on.
   */
  work: () => Promise<boolean | void>;
  log: Logger;
  /** Names the loop in its error logs. */
  what: string;
}

/** Runs `work` in `workers` loops, each waiting `everyMs` after a round that found nothing, until stopped; stopping waits for the rounds in progress. */
export class PollingLoop {
  private readonly stopSignal = new AbortController();
  private running?: Promise<void[]>;

  constructor(private readonly options: PollingLoopOptions) {}

  start(): void {
    this.running ??= Promise.all(Array.from({ length: this.options.workers ?? 1 }, () => this.loop()));
  }

  async stop(): Promise<void> {
    this.stopSignal.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopSignal.signal.aborted) {
      let pauseMs = this.options.everyMs;
      try {
        if ((await this.options.work()) === true) {
          continue;
        }
      } catch (error) {
        this.options.log.error({ err: error }, `${this.options.what} error`);
        pauseMs = Math.max(pauseMs, MIN_PAUSE_AFTER_ERROR_MS);
      }
      await sleep(pauseMs, undefined, { signal: this.stopSignal.signal }).catch(() => undefined);
    }
  }
}
