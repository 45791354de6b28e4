import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { RecordErrorDto } from '../../common/record-error.dto';

export const RUN_FAILURE_KINDS = ['credential_invalid'] as const;
export type RunFailureKind = (typeof RUN_FAILURE_KINDS)[number];

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

  /** Map stage: users the integration's filter rules left out (neither mapped nor rejected), and names derived. */
  @IsOptional() @IsInt() @Min(0) filtered?: number;
  @IsOptional() @IsInt() @Min(0) namesDerived?: number;

  /** The stage has handed on everything it will for this run. */
  @IsBoolean()
  stageCompleted: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  failureReason?: string;

  /** What kind of failure failureReason is: `credential_invalid` when a credential was refused (a person must fix it). */
  @IsOptional()
  @IsIn(RUN_FAILURE_KINDS)
  failureKind?: RunFailureKind;

  /** The stage waits until then (Zoom's daily rate limit): the run is not stalled before it. */
  @IsOptional()
  @IsISO8601()
  waitingUntil?: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RecordErrorDto)
  errors: RecordErrorDto[];
}
