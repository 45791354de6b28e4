import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { RecordErrorDto } from '../../common/record-error.dto';

/** What one writer batch did in Oomnitza; the scheduler adds it to the run's counts. */
export class OomnitzaRecordsWrittenValue {
  @IsOptional()
  @IsUUID()
  runId?: string;

  @IsInt() @Min(0) created: number;
  @IsInt() @Min(0) updated: number;
  @IsInt() @Min(0) unchanged: number;
  @IsInt() @Min(0) deactivated: number;
  @IsInt() @Min(0) failed: number;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RecordErrorDto)
  errors: RecordErrorDto[];
}
