import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { ZOOM_USER_STATUSES, ZoomUserDto, ZoomUserStatus } from '../../common/zoom-user.dto';

/** One page of a full sync's pass over Zoom users (hundreds of users, not one message each). */
export class ZoomUsersPageValue {
  @IsUUID()
  runId: string;

  @IsISO8601({ strict: true })
  runStartedAt: string;

  @IsIn(ZOOM_USER_STATUSES)
  userStatus: ZoomUserStatus;

  @IsInt()
  @Min(1)
  pageNumber: number;

  /** True on the last page of the last pass: the fetcher has read everything for this run. */
  @IsBoolean()
  isLastPage: boolean;

  /** The run is a dry run: what is mapped from this page is compared with Oomnitza, never written. Absent: false. */
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ZoomUserDto)
  users: ZoomUserDto[];
}
