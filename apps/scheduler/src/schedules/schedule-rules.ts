import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ValidationProblem } from '@zoom-oomnitza-sync/platform';
import { SchedulerEnvironment } from '../scheduler.environment';
import { nextSlotAfter, Schedule, scheduleOf, shortestGapSeconds } from './schedule';
import { ScheduleDto } from './schedule.dto';

/** What a schedule may be, and when an integration's next scheduled run is. */
@Injectable()
export class ScheduleRules {
  private readonly minIntervalSeconds: number;

  constructor(config: ConfigService<SchedulerEnvironment, true>) {
    this.minIntervalSeconds = config.get('SCHEDULE_MIN_INTERVAL_SECONDS', { infer: true });
  }

  /** The schedule as stored; refused when it never fires again or fires more often than SCHEDULE_MIN_INTERVAL_SECONDS. */
  accept(input: ScheduleDto, now: Date): Schedule {
    const schedule = scheduleOf(input);
    if (nextSlotAfter(schedule, now) === null) {
      throw new ValidationProblem([{ field: 'schedule.expression', message: 'the expression never fires again' }]);
    }
    const gap = shortestGapSeconds(schedule, now);
    if (gap < this.minIntervalSeconds) {
      throw new ValidationProblem([
        {
          field: 'schedule',
          message: `the schedule fires every ${gap} s at times; runs must be at least ${this.minIntervalSeconds} s apart`,
        },
      ]);
    }
    return schedule;
  }

  /** Only an active integration has a next run: a draft or paused one is not scheduled. */
  nextRunAt(integration: { status: string; schedule: Schedule }, now: Date): Date | null {
    return integration.status === 'active' ? nextSlotAfter(integration.schedule, now) : null;
  }
}
