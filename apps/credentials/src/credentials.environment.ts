import { Transform } from 'class-transformer';
import { IsInt, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { BaseEnvironment, toBool, toInt } from '@zoom-oomnitza-sync/platform';
import { IsEncryptionKeyList, IsListedKeyId, IsServiceTokenList } from './settings/setting-validators';

const withoutTrailingSlash = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\/+$/, '') : value);
const HTTP_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** The credentials service's settings on top of every service's. */
export class CredentialsEnvironment extends BaseEnvironment {
  /** `keyId:base64-of-32-bytes[,...]`: every key a stored secret may be encrypted under. */
  @IsEncryptionKeyList()
  CREDENTIALS_ENCRYPTION_KEYS: string;

  /** The key new and updated secrets are encrypted under. */
  @IsListedKeyId('CREDENTIALS_ENCRYPTION_KEYS')
  CREDENTIALS_ACTIVE_KEY_ID: string;

  /** The port /internal is served on, and only there (0: any free port). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  INTERNAL_HTTP_PORT = 3111;

  /** `service:token[,...]`: the services allowed to fetch secrets from /internal, and their tokens. */
  @IsServiceTokenList()
  INTERNAL_SERVICE_TOKENS: string;

  @Transform(withoutTrailingSlash)
  @IsUrl(HTTP_URL, { message: 'ZOOM_OAUTH_URL must be an http(s) URL' })
  ZOOM_OAUTH_URL = 'https://zoom.us';

  @Transform(withoutTrailingSlash)
  @IsUrl(HTTP_URL, { message: 'ZOOM_API_URL must be an http(s) URL' })
  ZOOM_API_URL = 'https://api.zoom.us/v2';

  /** A cached Zoom token is replaced this long before it expires (at most half its lifetime). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1800)
  ZOOM_TOKEN_REFRESH_MARGIN_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  ZOOM_HTTP_TIMEOUT_MS = 10_000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  OOMNITZA_HTTP_TIMEOUT_MS = 10_000;

  /**
   * Where Zoom reaches the zoom-fetcher's webhooks from the internet (Zoom requires https there):
   * each Zoom credential's webhook URL is this plus /webhooks/zoom/<endpoint id>.
   */
  @Transform(withoutTrailingSlash)
  @IsUrl(HTTP_URL, { message: 'WEBHOOK_PUBLIC_BASE_URL must be an http(s) URL' })
  @Matches(/^[^?#]*$/, { message: 'WEBHOOK_PUBLIC_BASE_URL must have neither query nor fragment' })
  WEBHOOK_PUBLIC_BASE_URL = 'http://localhost:3103';

  /** Accept http:// Oomnitza base URLs: only for sandboxes and demos, as the API token would travel in clear. */
  @Transform(toBool)
  OOMNITZA_ALLOW_HTTP = false;

  /**
   * CIDR ranges calls to tenant-given URLs (Oomnitza) may reach although they are not public
   * (`127.0.0.0/8,::1/128` for sandboxes on this machine). Empty by default: only public addresses.
   */
  @IsString()
  OUTBOUND_ALLOWED_ADDRESSES = '';

  /** Connection tests one tenant may run at once in a replica; one more gets 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  CONNECTION_TESTS_PER_TENANT = 2;
}
