import { ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { ZOOM_USER_STATUSES, ZoomUserStatus } from '../../common/zoom-user.dto';
import { READ_ONLY_ZOOM_SOURCES } from '../../mapping/zoom-sources';

/** `reconcile`: the reconcile found that webhooks missed a change. */
export const RUN_TRIGGERS = ['manual', 'schedule', 'reconcile'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/** `dry_run`: fetch, filter and map as usual, compare with Oomnitza's people, write nothing. */
export const RUN_MODES = ['full_sync', 'dry_run'] as const;
export type RunMode = (typeof RUN_MODES)[number];

/** The scheduler asks for a full sync (or a dry run of one) of one integration. */
export class SyncRunRequestedValue {
  @IsUUID()
  runId: string;

  @IsIn(RUN_TRIGGERS)
  trigger: RunTrigger;

  /** Absent: full_sync (a scheduler that knew no other mode). */
  @IsOptional()
  @IsIn(RUN_MODES)
  mode?: RunMode;

  /** The run's time: what Oomnitza's "Connector Sync Time" shows for every record it writes. */
  @IsISO8601({ strict: true })
  runStartedAt: string;

  @IsString()
  zoomCredentialId: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsIn(ZOOM_USER_STATUSES, { each: true })
  userStatuses: ZoomUserStatus[];

  /**
   * Fields the integration's mapping reads that only GET /users/{userId} returns: each listed user
   * is read once more for them. Said with the request, so a mapping changed just before the run
   * applies to it whatever the fetcher has learnt yet. Absent: none.
   */
  @IsOptional()
  @IsArray()
  @IsIn(READ_ONLY_ZOOM_SOURCES, { each: true })
  readSources?: string[];

  /** The mapping reads a custom attribute: users are listed with include_fields=custom_attributes. Absent: false. */
  @IsOptional()
  @IsBoolean()
  customAttributes?: boolean;
}
