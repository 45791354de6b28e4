import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { toInt } from '@zoom-oomnitza-sync/platform';
import { PageLimitQueryDto } from '../../paging/page-limit-query.dto';

export class LicenceReclamationQueryDto extends PageLimitQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 3650,
    default: 90,
    description: 'a licensed user whose last login is older than this many days (or who never logged in) is listed',
  })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  inactiveDays?: number;

  @ApiPropertyOptional({ description: 'the nextAfter of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  after?: string;
}

export class ReclaimableUserDto {
  @ApiProperty({ example: 'ana.soto@example.com', description: 'the sync key' })
  userKey: string;

  @ApiProperty({ nullable: true })
  zoomUserId: string | null;

  @ApiProperty({ nullable: true })
  department: string | null;

  @ApiProperty({ nullable: true })
  status: string | null;

  @ApiProperty({ nullable: true, description: 'ISO-8601; null: never logged in' })
  lastLoginTime: string | null;

  @ApiProperty({ nullable: true, description: 'whole days since the last login; null: never logged in' })
  daysInactive: number | null;
}

class DepartmentCountDto {
  @ApiProperty({ nullable: true })
  department: string | null;

  @ApiProperty()
  users: number;
}

export class LicenceReclamationDto {
  @ApiProperty()
  inactiveDays: number;

  @ApiProperty({ description: 'last logins before this are inactive' })
  cutoff: string;

  @ApiProperty({ description: 'licensed users inactive since the cutoff' })
  total: number;

  @ApiProperty({ type: [DepartmentCountDto], description: 'most users first' })
  byDepartment: DepartmentCountDto[];

  @ApiProperty({ type: [ReclaimableUserDto] })
  users: ReclaimableUserDto[];

  @ApiProperty({ nullable: true })
  nextAfter: string | null;
}
