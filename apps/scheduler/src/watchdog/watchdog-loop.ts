import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger, PollingLoop } from '@zoom-oomnitza-sync/platform';
import { SchedulerEnvironment } from '../scheduler.environment';
import { RunWatchdog } from './run-watchdog';

/** Each replica runs the watchdog every RUN_WATCHDOG_POLL_MS. */
@Injectable()
export class WatchdogLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;

  constructor(watchdog: RunWatchdog, config: ConfigService<SchedulerEnvironment, true>, logger: AppLogger) {
    this.loop = new PollingLoop({
      everyMs: config.get('RUN_WATCHDOG_POLL_MS', { infer: true }),
      work: () => watchdog.check(new Date()),
      log: logger.pino.child({ context: WatchdogLoop.name }),
      what: 'watchdog',
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }
}
