import { ArrayNotEmpty, IsArray, IsIn, IsISO8601, IsString, IsUUID } from 'class-validator';
import { ZOOM_USER_STATUSES, ZoomUserStatus } from '../../common/zoom-user.dto';

/** `reconcile`: the reconcile found that webhooks missed a change. */
export const RUN_TRIGGERS = ['manual', 'schedule', 'reconcile'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/** The scheduler asks for a full sync of one integration. */
export class SyncRunRequestedValue {
  @IsUUID()
  runId: string;

  @IsIn(RUN_TRIGGERS)
  trigger: RunTrigger;

  /** The run's time: what Oomnitza's "Connector Sync Time" shows for every record it writes. */
  @IsISO8601({ strict: true })
  runStartedAt: string;

  @IsString()
  zoomCredentialId: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsIn(ZOOM_USER_STATUSES, { each: true })
  userStatuses: ZoomUserStatus[];
}
