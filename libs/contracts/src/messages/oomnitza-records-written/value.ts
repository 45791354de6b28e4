import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { RecordErrorDto } from '../../common/record-error.dto';

/** What one writer batch did in Oomnitza; the scheduler adds it to the run's counts. */
export class OomnitzaRecordsWrittenValue {
  @IsOptional()
  @IsUUID()
  runId?: string;

  @IsInt() @Min(0) created: number;
  @IsInt() @Min(0) updated: number;
  @IsInt() @Min(0) unchanged: number;
  /** Left alone because of the preference (Create only: existing; Update only: new). */
  @IsInt() @Min(0) skipped: number;
  @IsInt() @Min(0) deactivated: number;
  @IsInt() @Min(0) failed: number;

  /** The writer has written the run's last batch and finalized its portion. */
  @IsBoolean()
  runFinished: boolean;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RecordErrorDto)
  errors: RecordErrorDto[];
}
