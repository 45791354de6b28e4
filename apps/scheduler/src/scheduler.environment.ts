import { Transform } from 'class-transformer';
import { CredentialsClientEnvironment } from '@zoom-oomnitza-sync/credentials-client';
import { toBool, toInt } from '@zoom-oomnitza-sync/platform';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

/** CREDENTIALS_URL and CREDENTIALS_SERVICE_TOKEN: the scheduler reads Oomnitza's field catalogue through the credentials service. */
export class SchedulerEnvironment extends CredentialsClientEnvironment {
  /** false: this replica fires no schedules (others may); runs start only by Run now and the reconcile. */
  @Transform(toBool)
  @IsBoolean()
  SCHEDULE_FIRING_ENABLED = true;

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

  /** A run with no report from any stage for this long is failed (a lost or dead-lettered message would leave it hanging). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RUN_STALL_MINUTES = 15;

  /** A run still going after this long raises run_overdue (the product page's 24 hours). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RUN_OVERDUE_HOURS = 24;

  /** How often each replica's watchdog looks for stalled and overdue runs and stale integrations. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  RUN_WATCHDOG_POLL_MS = 30_000;

  /** How long creating or changing an integration waits for a credential created a moment ago to become known here. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  CREDENTIAL_ARRIVAL_WAIT_MS = 5_000;

  /** Runs that ended longer ago than this are deleted (an integration's latest run stays). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RUN_RETENTION_DAYS = 180;

  /** The per-record errors of runs that ended longer ago than this are deleted. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RUN_ERROR_RETENTION_DAYS = 30;
}
