import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { OomnitzaRecordDto } from '../../common/oomnitza-record.dto';

export const SYNC_PREFERENCES = ['create_and_update', 'create_only', 'update_only'] as const;
export type SyncPreference = (typeof SYNC_PREFERENCES)[number];

export const LEFT_OUT_OUTCOMES = ['filtered', 'rejected'] as const;
export type LeftOutOutcome = (typeof LEFT_OUT_OUTCOMES)[number];

/** A user of a dry run's page the mapper did not map: listed with the dry run's results. */
export class LeftOutUserDto {
  /** The user's e-mail, else Zoom id. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  userKey: string;

  @IsIn(LEFT_OUT_OUTCOMES)
  outcome: LeftOutOutcome;

  /** Why a rejected user could not be mapped. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

/** Mapped records for the writer to create or update in Oomnitza. */
export class OomnitzaRecordsUpsertValue {
  @IsOptional()
  @IsUUID()
  runId?: string;

  /** Which Oomnitza instance to write to (its token comes from the credentials service). */
  @IsString()
  @IsNotEmpty()
  oomnitzaCredentialId: string;

  @IsIn(SYNC_PREFERENCES)
  preference: SyncPreference;

  /** The Oomnitza field the records are matched on (Oomnitza's `sync_field`). */
  @IsString()
  @IsNotEmpty()
  syncField: string;

  /** The field holding the run's time: it changes every run, so it alone is no reason to write. */
  @IsOptional()
  @IsString()
  runTimeField?: string;

  /** The mapper has nothing more for this run: the writer finalizes the run's portion after it. */
  @IsBoolean()
  isLastBatch: boolean;

  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => OomnitzaRecordDto)
  records: OomnitzaRecordDto[];

  /** A dry run's records: the writer compares them with Oomnitza's people and writes nothing. Absent: false. */
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  /** A dry run's users the mapper filtered out or rejected, listed with its results. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => LeftOutUserDto)
  leftOut?: LeftOutUserDto[];
}
