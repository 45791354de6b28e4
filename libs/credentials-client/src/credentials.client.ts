import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OomnitzaCatalogue } from '@zoom-oomnitza-sync/contracts';
import { CredentialProblemError, CredentialsUnavailableError } from './credential-errors';
import { CredentialsClientEnvironment } from './credentials-client.settings';
import { ExpiringCache } from './expiring-cache';

export interface ZoomAccessToken {
  accessToken: string;
  expiresAt: string;
  apiUrl: string;
  /** The Zoom account the token acts on, whose rate limits every call with it counts against. */
  accountId: string;
}

export interface OomnitzaAccess {
  apiToken: string;
  baseUrl: string;
}

/** A credential as the services name it: always with the tenant they act for, which the credentials service checks. */
export interface CredentialRef {
  tenantId: string;
  credentialId: string;
}

/** Who a Zoom webhook endpoint belongs to, and the secret token that signs its deliveries. */
export interface ZoomWebhookEndpoint {
  tenantId: string;
  zoomCredentialId: string;
  accountId: string;
  webhookSecretToken: string;
}

/** Endpoint ids as the credentials service issues them: 32 random bytes, base64url. */
const WEBHOOK_ENDPOINT_ID = /^[A-Za-z0-9_-]{43}$/;

const TIMEOUT_MS = 15_000;
/** A Zoom token is reused until this long before it expires; the broker has a fresh one by then. */
const ZOOM_TOKEN_REUSE_MARGIN_MS = 120_000;
/** An Oomnitza token and base URL are reused this long: a changed credential is used within a minute. */
const OOMNITZA_ACCESS_REUSE_MS = 60_000;

/** The credentials service's internal API: secrets travel only over it, never over Kafka. */
@Injectable()
export class CredentialsClient {
  private readonly baseUrl: string;
  private readonly serviceToken: string;
  private readonly webhookEndpoints: ExpiringCache<ZoomWebhookEndpoint>;
  private readonly oomnitzaAccesses = new ExpiringCache<OomnitzaAccess>(OOMNITZA_ACCESS_REUSE_MS);
  private readonly zoomTokens = new ExpiringCache<ZoomAccessToken>(
    (token) => Date.parse(token.expiresAt) - ZOOM_TOKEN_REUSE_MARGIN_MS - Date.now(),
  );

  constructor(config: ConfigService<CredentialsClientEnvironment, true>) {
    this.baseUrl = config.get('CREDENTIALS_URL', { infer: true }).replace(/\/+$/, '');
    this.serviceToken = config.get('CREDENTIALS_SERVICE_TOKEN', { infer: true });
    this.webhookEndpoints = new ExpiringCache(config.get('WEBHOOK_ENDPOINT_CACHE_TTL_MS', { infer: true }));
  }

  /**
   * The credential's Zoom token, reused while it has more than a couple of minutes left: a burst
   * of reads asks once. Kept per tenant and credential, so a token handed out for one tenant is
   * never served to another naming the same id.
   */
  zoomAccessToken(credential: CredentialRef): Promise<ZoomAccessToken> {
    return this.zoomTokens.get(cacheKeyOf(credential), () =>
      this.call<ZoomAccessToken>('GET', `/internal/zoom-credentials/${encodeURIComponent(credential.credentialId)}/access-token`, {
        tenantId: credential.tenantId,
      }),
    );
  }

  /** After Zoom answered code 124 to this token: the broker mints one replacement, however many callers report it. */
  renewZoomAccessToken(credential: CredentialRef, refusedAccessToken: string): Promise<ZoomAccessToken> {
    this.zoomTokens.forgetKey(cacheKeyOf(credential));
    return this.zoomTokens.get(cacheKeyOf(credential), () =>
      this.call<ZoomAccessToken>(
        'POST',
        `/internal/zoom-credentials/${encodeURIComponent(credential.credentialId)}/access-token/invalidate`,
        { tenantId: credential.tenantId, body: { refusedAccessToken } },
      ),
    );
  }

  /** The credential's Oomnitza token and base URL, asked at most once a minute per tenant and credential. */
  oomnitzaAccess(credential: CredentialRef): Promise<OomnitzaAccess> {
    return this.oomnitzaAccesses.get(cacheKeyOf(credential), () =>
      this.call<OomnitzaAccess>('GET', `/internal/oomnitza-credentials/${encodeURIComponent(credential.credentialId)}/token`, {
        tenantId: credential.tenantId,
      }),
    );
  }

  /**
   * The people fields and roles of the credential's Oomnitza (scheduler only), read afresh at each
   * call: a field just made in Oomnitza counts at once. The token stays in the credentials service.
   */
  oomnitzaCatalogue(credential: CredentialRef): Promise<OomnitzaCatalogue> {
    return this.call<OomnitzaCatalogue>('GET', `/internal/oomnitza-credentials/${encodeURIComponent(credential.credentialId)}/catalogue`, {
      tenantId: credential.tenantId,
    });
  }

  /**
   * The owner and secret token of a Zoom webhook endpoint (zoom-fetcher only), kept for
   * WEBHOOK_ENDPOINT_CACHE_TTL_MS. An id the credentials service cannot have issued is unknown
   * without asking. Unknown: CredentialProblemError with status 404.
   */
  zoomWebhookEndpoint(endpointId: string): Promise<ZoomWebhookEndpoint> {
    if (!WEBHOOK_ENDPOINT_ID.test(endpointId)) {
      return Promise.reject(new CredentialProblemError(404, 'No Zoom credential has this webhook endpoint.'));
    }
    return this.webhookEndpoints.get(endpointId, () => this.call('GET', `/internal/zoom-webhook-endpoints/${endpointId}`));
  }

  /** The credential changed or is gone: its webhook endpoint and token are asked for again at the next use. */
  forgetZoomCredential(credentialId: string): void {
    this.webhookEndpoints.forget((endpoint) => endpoint.zoomCredentialId === credentialId);
    this.zoomTokens.forgetKeys((key) => key.endsWith(`/${credentialId}`));
  }

  private async call<T>(method: string, path: string, { tenantId, body }: { tenantId?: string; body?: unknown } = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.serviceToken}`,
          accept: 'application/json',
          ...(tenantId === undefined ? {} : { 'x-tenant-id': tenantId }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new CredentialsUnavailableError(
        `the credentials service did not answer: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (response.ok) {
      return (await response.json()) as T;
    }
    const problem = (await response.json().catch(() => undefined)) as { detail?: unknown } | undefined;
    const detail = typeof problem?.detail === 'string' ? problem.detail : `HTTP ${response.status}`;
    if (response.status >= 500 || response.status === 429) {
      throw new CredentialsUnavailableError(`the credentials service answered ${response.status}: ${detail}`);
    }
    throw new CredentialProblemError(response.status, detail);
  }
}

const cacheKeyOf = ({ tenantId, credentialId }: CredentialRef) => `${tenantId}/${credentialId}`;
