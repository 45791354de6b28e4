import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger, PollingLoop } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { SchedulerEnvironment } from '../scheduler.environment';
import { ScheduleFiring } from './schedule-firing';

/** Each replica looks for due schedules every SCHEDULE_POLL_MS; the claim makes each slot fire once. */
@Injectable()
export class ScheduleLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log: Logger;
  private readonly loop: PollingLoop;

  constructor(
    firing: ScheduleFiring,
    private readonly config: ConfigService<SchedulerEnvironment, true>,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: ScheduleLoop.name });
    this.loop = new PollingLoop({
      everyMs: config.get('SCHEDULE_POLL_MS', { infer: true }),
      work: async () => void (await firing.fireDue(new Date())),
      log: this.log,
      what: 'schedule loop',
    });
  }

  onApplicationBootstrap(): void {
    if (!this.config.get('SCHEDULE_FIRING_ENABLED', { infer: true })) {
      this.log.info('SCHEDULE_FIRING_ENABLED=false: this replica fires no schedules');
      return;
    }
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }
}
