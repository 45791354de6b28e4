import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from 'pino';

export interface PollingLoopOptions {
  everyMs: number;
  /** One round; an error is logged and the loop goes on. */
  work: () => Promise<void>;
  log: Logger;
  /** Names the loop in its error logs. */
  what: string;
}

/** Runs `work` every `everyMs` until stopped; stopping waits for the round in progress. */
export class PollingLoop {
  private readonly stopSignal = new AbortController();
  private running?: Promise<void>;

  constructor(private readonly options: PollingLoopOptions) {}

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopSignal.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopSignal.signal.aborted) {
      try {
        await this.options.work();
      } catch (error) {
        this.options.log.error({ err: error }, `${this.options.what} error`);
      }
      await sleep(this.options.everyMs, undefined, { signal: this.stopSignal.signal }).catch(() => undefined);
    }
  }
}
