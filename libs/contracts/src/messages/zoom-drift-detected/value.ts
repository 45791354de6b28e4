import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';

/**
 * Why the platform no longer trusts that it saw every change: Zoom's user counts differ from what
 * it saw (twice, a little apart, so a delivery still on its way is not mistaken for a lost one),
 * or a webhook changed a user it never saw.
 */
export const DRIFT_REASONS = ['counts_differ', 'unknown_user'] as const;
export type DriftReason = (typeof DRIFT_REASONS)[number];

/** Users by kind, as `GET /users/summary` counts them. */
export class UserCountsDto {
  @IsInt()
  @Min(0)
  licensed: number;

  @IsInt()
  @Min(0)
  basic: number;

  @IsInt()
  @Min(0)
  joinOnly: number;

  @IsInt()
  @Min(0)
  pending: number;
}

/** The reconcile found that webhooks missed something: the scheduler starts a full sync (trigger `reconcile`). */
export class ZoomDriftDetectedValue {
  @IsIn(DRIFT_REASONS)
  reason: DriftReason;

  /** Zoom's counts as its summary gave them (counts_differ only). */
  @IsOptional()
  @ValidateNested()
  @Type(() => UserCountsDto)
  zoomCounts?: UserCountsDto;

  /** What the platform saw (counts_differ only). */
  @IsOptional()
  @ValidateNested()
  @Type(() => UserCountsDto)
  seenCounts?: UserCountsDto;
}
