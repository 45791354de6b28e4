import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Why one record could not be fetched, mapped or written: counted against its run. */
export class RecordErrorDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  recordKey: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
