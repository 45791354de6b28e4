import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { ZoomUserDto } from '../../common/zoom-user.dto';

export const ZOOM_USER_EVENTS = [
  'user.created',
  'user.updated',
  'user.deleted',
  'user.deactivated',
  'user.activated',
  'user.disassociated',
  'user.invitation_accepted',
] as const;
export type ZoomUserEvent = (typeof ZOOM_USER_EVENTS)[number];

/**
 * One user of one integration changed in Zoom. `complete` says whether `user` is the whole user
 * as Zoom's REST API shows it (read after the event, so the envelope's observedAt is the read
 * time) or only what the webhook carried (observedAt is then the event time).
 */
export class ZoomUserChangedValue {
  @IsIn(ZOOM_USER_EVENTS)
  event: ZoomUserEvent;

  /** Zoom's event_ts in epoch milliseconds: orders events for the same user. */
  @IsInt()
  @Min(0)
  eventTs: number;

  @ValidateNested()
  @Type(() => ZoomUserDto)
  user: ZoomUserDto;

  @IsBoolean()
  complete: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => ZoomUserDto)
  previous?: ZoomUserDto;

  @IsOptional()
  @IsString()
  zoomAccountId?: string;
}
