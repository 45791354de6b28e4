import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
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

/** One user changed in Zoom, as its webhook said: `user` carries only what changed. */
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

  @IsOptional()
  @ValidateNested()
  @Type(() => ZoomUserDto)
  previous?: ZoomUserDto;

  @IsOptional()
  @IsString()
  zoomAccountId?: string;
}
