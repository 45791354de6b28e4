import { Transform } from 'class-transformer';
import { toInt } from '@zoom-oomnitza-sync/platform';
import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { CredentialsClientEnvironment } from '@zoom-oomnitza-sync/credentials-client';

export class OomnitzaWriterEnvironment extends CredentialsClientEnvironment {
  /** Records per bulk request: Oomnitza takes at most 100. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  OOMNITZA_BULK_SIZE = 100;

  /** Attempts of one Oomnitza request that met 429, 5xx or a network error (Oomnitza's connector makes 10). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  OOMNITZA_MAX_ATTEMPTS = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  OOMNITZA_RETRY_BASE_MS = 500;

  /** Sent as connector_version, so Oomnitza's run logs show what wrote the records. */
  @IsString()
  @IsNotEmpty()
  OOMNITZA_CONNECTOR_VERSION = 'zoom-oomnitza-sync/0.1';
}
