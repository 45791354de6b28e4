import { Transform } from 'class-transformer';
import { BaseEnvironment, toInt } from '@zoom-oomnitza-sync/platform';
import { IsInt, Max, Min } from 'class-validator';

export class SchedulerEnvironment extends BaseEnvironment {
  /** How often each replica looks for due schedules: a run starts at most this long after its slot. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  SCHEDULE_POLL_MS = 1_000;

  /** A scheduled run that starts later than this after its slot (the schedulers were down) raises scheduled_run_missed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SCHEDULE_MISSED_TOLERANCE_MINUTES = 15;

  /** The shortest time allowed between two slots of a cron schedule. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SCHEDULE_MIN_INTERVAL_SECONDS = 300;
}
