import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from 'pino';
import { SchedulerEnvironment } from '../scheduler.environment';
import { ScheduleFiring } from './schedule-firing';

/** Each replica looks for due schedules every SCHEDULE_POLL_MS; the claim makes each slot fire once. */
@Injectable()
export class ScheduleLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: Logger;
  private readonly stop = new AbortController();
  private loop?: Promise<void>;

  constructor(
    private readonly firing: ScheduleFiring,
    private readonly config: ConfigService<SchedulerEnvironment, true>,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: ScheduleLoop.name });
  }

  onApplicationBootstrap(): void {
    if (!this.config.get('SCHEDULE_FIRING_ENABLED', { infer: true })) {
      this.log.info('SCHEDULE_FIRING_ENABLED=false: this replica fires no schedules');
      return;
    }
    this.loop = this.work();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.loop;
  }

  private async work(): Promise<void> {
    const pollMs = this.config.get('SCHEDULE_POLL_MS', { infer: true });
    while (!this.stop.signal.aborted) {
      try {
        await this.firing.fireDue(new Date());
      } catch (error) {
        this.log.error({ err: error }, 'schedule loop error');
      }
      await sleep(pollMs, undefined, { signal: this.stop.signal }).catch(() => undefined);
    }
  }
}
