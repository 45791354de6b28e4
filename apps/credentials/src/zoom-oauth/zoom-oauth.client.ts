import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock } from '../common/clock';
import { CredentialsEnvironment } from '../credentials.environment';
import { describeFetchFailure } from '../outbound-http/describe-fetch-failure';
import { ZoomAccessToken, ZoomClientCredentials } from './zoom-access-token';
import { ZoomErrorBody, ZoomTokenError, zoomTokenRefusal } from './zoom-token-error';

interface TokenResponse {
  access_token?: unknown;
  expires_in?: unknown;
  scope?: unknown;
}

/** Mints Zoom access tokens: POST {ZOOM_OAUTH_URL}/oauth/token with the account_credentials grant. */
@Injectable()
export class ZoomOAuthClient {
  private readonly tokenUrl: string;
  private readonly timeoutMs: number;

  constructor(
    config: ConfigService<CredentialsEnvironment, true>,
    private readonly clock: Clock,
  ) {
    this.tokenUrl = `${config.get('ZOOM_OAUTH_URL', { infer: true })}/oauth/token`;
    this.timeoutMs = config.get('ZOOM_HTTP_TIMEOUT_MS', { infer: true });
  }

  /** Throws ZoomTokenError naming the problem when Zoom refuses or cannot be reached. */
  async mint(credentials: ZoomClientCredentials): Promise<ZoomAccessToken> {
    const mintedAt = this.clock.now();
    let response: Response;
    try {
      response = await fetch(this.tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`, 'utf8').toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        // In the body, not the query string: query strings end up in access logs.
        body: new URLSearchParams({ grant_type: 'account_credentials', account_id: credentials.accountId }).toString(),
        // A redirect would carry the client secret (Basic auth) to wherever it points.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ZoomTokenError(describeFetchFailure(this.tokenUrl, error, this.timeoutMs), true);
    }
    const body = await readJson(response);
    if (response.status >= 300 && response.status < 400) {
      throw new ZoomTokenError(`Zoom redirected the token request (HTTP ${response.status}): check ZOOM_OAUTH_URL`, false);
    }
    if (!response.ok) {
      throw zoomTokenRefusal(response.status, body as ZoomErrorBody | undefined);
    }
    return tokenFrom(body as TokenResponse | undefined, mintedAt);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function tokenFrom(body: TokenResponse | undefined, mintedAt: number): ZoomAccessToken {
  const expiresIn = Number(body?.expires_in);
  if (typeof body?.access_token !== 'string' || body.access_token === '' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
    throw new ZoomTokenError('Zoom answered the token request without an access_token and a positive expires_in', true);
  }
  const scopes = typeof body.scope === 'string' ? body.scope.split(/\s+/).filter(Boolean) : [];
  return { accessToken: body.access_token, expiresAt: mintedAt + expiresIn * 1000, mintedAt, scopes };
}
