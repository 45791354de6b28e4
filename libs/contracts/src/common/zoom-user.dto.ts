import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, ValidateIf, ValidateNested } from 'class-validator';
import { IsStringOrNumber } from './is-string-or-number';

export const ZOOM_USER_STATUSES = ['active', 'inactive', 'pending'] as const;
export type ZoomUserStatus = (typeof ZOOM_USER_STATUSES)[number];

const NEEDS_ID_OR_EMAIL = 'a Zoom user needs an id or an email';

export class ZoomCustomAttributeDto {
  @IsString()
  key: string;

  @IsOptional()
  @IsString()
  name?: string;

  /** Zoom's REST API sends a string, its webhooks sometimes a number. */
  @IsOptional()
  @IsStringOrNumber()
  value?: string | number | null;
}

/**
 * A Zoom user as Zoom returned it, in Zoom's own field names: the mapper decides what it means.
 * Lenient on purpose: webhook objects carry only changed fields, pending users have no id, and
 * Zoom adds fields over time.
 */
export class ZoomUserDto {
  @ValidateIf((user: ZoomUserDto) => user.email === undefined)
  @IsString({ message: NEEDS_ID_OR_EMAIL })
  @IsNotEmpty({ message: NEEDS_ID_OR_EMAIL })
  id?: string;

  @ValidateIf((user: ZoomUserDto) => user.id === undefined)
  @IsString({ message: NEEDS_ID_OR_EMAIL })
  @IsNotEmpty({ message: NEEDS_ID_OR_EMAIL })
  email?: string;

  @IsOptional() @IsString() first_name?: string;
  @IsOptional() @IsString() last_name?: string;
  @IsOptional() @IsString() display_name?: string;
  @IsOptional() @IsInt() type?: number;
  /** Personal meeting id: an int64 in Zoom's API, within JSON's safe integers in practice. */
  @IsOptional() @IsInt() pmi?: number;
  @IsOptional() @IsString() status?: string;
  @IsOptional() @IsString() dept?: string;
  @IsOptional() @IsString() timezone?: string;
  @IsOptional() @IsString() language?: string;
  @IsOptional() @IsString() role_id?: string;
  @IsOptional() @IsString() job_title?: string;
  @IsOptional() @IsString() location?: string;
  @IsOptional() @IsString() employee_unique_id?: string;
  /** 1 or 0 in Zoom's REST API, a boolean in some webhooks. */
  @IsOptional() @IsIn([0, 1, true, false]) verified?: number | boolean;
  @IsOptional() @IsString() user_created_at?: string;
  @IsOptional() @IsString() created_at?: string;
  @IsOptional() @IsString() last_login_time?: string;
  @IsOptional() @IsString() last_client_version?: string;
  @IsOptional() @IsArray() @IsString({ each: true }) group_ids?: string[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ZoomCustomAttributeDto)
  custom_attributes?: ZoomCustomAttributeDto[];
}
