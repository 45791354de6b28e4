import { IsOmittable } from '@zoom-oomnitza-sync/platform';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ALERT_KINDS, AlertKind } from '@zoom-oomnitza-sync/contracts';
import { ArrayUnique, IsArray, IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateContactDto {
  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiPropertyOptional({ enum: ALERT_KINDS, isArray: true, description: 'The alerts that reach this contact; empty or absent: all' })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(ALERT_KINDS, { each: true })
  alerts?: AlertKind[];
}

/** Fields left out keep their value; null is no value for any of them (400). */
export class UpdateContactDto extends PartialType(CreateContactDto, { skipNullProperties: false }) {}
