import { IsOmittable } from '@zoom-oomnitza-sync/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  IsTimeZone,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsCronExpression } from './is-cron-expression';

export const SCHEDULE_KINDS = ['daily', 'every_hours', 'weekly', 'cron'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Divisors of 24: every N hours then means the same hours every day. */
export const EVERY_HOURS = [1, 2, 3, 4, 6, 8, 12] as const;

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** When an integration's full sync runs: wall-clock times in an IANA timezone, daylight saving included. */
export class ScheduleDto {
  @ApiProperty({
    enum: SCHEDULE_KINDS,
    description: '`daily` at `time`; `every_hours` from `time` on; `weekly` on `days` at `time`; `cron` by `expression`',
  })
  @IsIn(SCHEDULE_KINDS)
  kind: ScheduleKind;

  @ApiPropertyOptional({ example: '02:00', description: 'HH:MM, 24-hour clock (daily, weekly; the first run of the day for every_hours)' })
  @ValidateIf((schedule: ScheduleDto) => schedule.kind === 'daily' || schedule.kind === 'weekly' || schedule.time !== undefined)
  @Matches(TIME_OF_DAY, { message: 'time must be HH:MM on a 24-hour clock, e.g. 02:00' })
  time?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin', default: 'UTC', description: 'IANA timezone the times are in' })
  @IsOmittable()
  @IsTimeZone({ message: 'timezone must be an IANA timezone, e.g. Europe/Berlin' })
  timezone?: string;

  @ApiPropertyOptional({ enum: EVERY_HOURS, description: 'every_hours: hours between runs (a divisor of 24)' })
  @ValidateIf((schedule: ScheduleDto) => schedule.kind === 'every_hours' || schedule.everyHours !== undefined)
  @IsIn(EVERY_HOURS, { message: `everyHours must be one of ${EVERY_HOURS.join(', ')}` })
  everyHours?: number;

  @ApiPropertyOptional({ enum: WEEKDAYS, isArray: true, example: ['mon', 'thu'], description: 'weekly: the days it runs' })
  @ValidateIf((schedule: ScheduleDto) => schedule.kind === 'weekly' || schedule.days !== undefined)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsIn(WEEKDAYS, { each: true })
  days?: Weekday[];

  @ApiPropertyOptional({ example: '0 */4 * * 1-5', description: 'cron: five fields (or six, with seconds first)' })
  @ValidateIf((schedule: ScheduleDto) => schedule.kind === 'cron' || schedule.expression !== undefined)
  @IsString()
  @MaxLength(120)
  @IsCronExpression()
  expression?: string;
}
