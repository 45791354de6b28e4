import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export class DeactivationDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  syncKey: string;

  @IsOptional()
  @IsString()
  zoomUserId?: string;

  @IsString()
  @IsNotEmpty()
  reason: string;

  @IsISO8601({ strict: true })
  observedAt: string;
}

/** Users gone from Zoom (deactivated, deleted, disassociated) to deactivate in Oomnitza. */
export class OomnitzaRecordsDeactivateValue {
  @IsOptional()
  @IsUUID()
  runId?: string;

  @IsString()
  @IsNotEmpty()
  syncField: string;

  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => DeactivationDto)
  records: DeactivationDto[];
}
