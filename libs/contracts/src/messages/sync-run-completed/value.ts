import { IsBoolean, IsISO8601, IsUUID } from 'class-validator';

/**
 * A full sync completed: the writer had every mapped record. `clean` says nothing was rejected or
 * failed and every fetched user was mapped, so a user the run did not see is gone from Zoom
 * rather than merely unmappable; only then are users synced before and missing now marked.
 */
export class SyncRunCompletedValue {
  @IsUUID()
  runId: string;

  /** The run's time: users not seen since then are missing. */
  @IsISO8601({ strict: true })
  runStartedAt: string;

  @IsBoolean()
  clean: boolean;
}
