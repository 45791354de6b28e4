import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from 'pino';
import { SchedulerEnvironment } from '../scheduler.environment';
import { RunWatchdog } from './run-watchdog';

/** Each replica runs the watchdog every RUN_WATCHDOG_POLL_MS. */
@Injectable()
export class WatchdogLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: Logger;
  private readonly stop = new AbortController();
  private loop?: Promise<void>;

  constructor(
    private readonly watchdog: RunWatchdog,
    private readonly config: ConfigService<SchedulerEnvironment, true>,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: WatchdogLoop.name });
  }

  onApplicationBootstrap(): void {
    this.loop = this.work();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.loop;
  }

  private async work(): Promise<void> {
    const pollMs = this.config.get('RUN_WATCHDOG_POLL_MS', { infer: true });
    while (!this.stop.signal.aborted) {
      try {
        await this.watchdog.check(new Date());
      } catch (error) {
        this.log.error({ err: error }, 'watchdog error');
      }
      await sleep(pollMs, undefined, { signal: this.stop.signal }).catch(() => undefined);
    }
  }
}
