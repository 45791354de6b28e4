import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ALERT_KINDS, AlertKind } from '@zoom-oomnitza-sync/contracts';
import { ArrayUnique, IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

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
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ALERT_KINDS, { each: true })
  alerts?: AlertKind[];
}

export class UpdateContactDto extends PartialType(CreateContactDto) {}
