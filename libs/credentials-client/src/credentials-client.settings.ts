import { Transform } from 'class-transformer';
import { IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { BaseEnvironment, toInt } from '@zoom-oomnitza-sync/platform';

/** Settings of a service that fetches secrets from the credentials service. */
export class CredentialsClientEnvironment extends BaseEnvironment {
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'CREDENTIALS_URL must be an http(s) URL' },
  )
  CREDENTIALS_URL: string;

  /** This service's token for the credentials service's /internal endpoints. */
  @IsString()
  @MinLength(32, { message: 'CREDENTIALS_SERVICE_TOKEN must be at least 32 characters' })
  CREDENTIALS_SERVICE_TOKEN: string;

  /**
   * How long a webhook endpoint's owner and secret token are kept: a secret token changed in the
   * credentials service is used by every replica within it (the one that hears of the change at once).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  WEBHOOK_ENDPOINT_CACHE_TTL_MS = 30_000;
}
