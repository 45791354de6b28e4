import { IsString, IsUrl, MinLength } from 'class-validator';
import { BaseEnvironment } from '@zoom-oomnitza-sync/platform';

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
}
