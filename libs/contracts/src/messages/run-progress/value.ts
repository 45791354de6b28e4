import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { RecordErrorDto } from '../../common/record-error.dto';

export const RUN_STAGES = ['fetch', 'map', 'write'] as const;
export type RunStage = (typeof RUN_STAGES)[number];

/** A stage's progress on a run; `failureReason` ends the run as failed. */
export class RunProgressValue {
  @IsUUID()
  runId: string;

  @IsIn(RUN_STAGES)
  stage: RunStage;

  @IsInt() @Min(0) processed: number;
  @IsInt() @Min(0) rejected: number;

  /** The stage has handed on everything it will for this run. */
  @IsBoolean()
  stageCompleted: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  failureReason?: string;

  /** The stage waits until then (Zoom's daily rate limit): the run is not stalled before it. */
  @IsOptional()
  @IsISO8601()
  waitingUntil?: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RecordErrorDto)
  errors: RecordErrorDto[];
}
