import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CredentialProblemError, CredentialsUnavailableError } from './credential-errors';
import { CredentialsClientEnvironment } from './credentials-client.settings';

export interface ZoomAccessToken {
  accessToken: string;
  expiresAt: string;
  apiUrl: string;
}

export interface OomnitzaAccess {
  apiToken: string;
  baseUrl: string;
}

const TIMEOUT_MS = 15_000;

/** The credentials service's internal API: secrets travel only over it, never over Kafka. */
@Injectable()
export class CredentialsClient {
  private readonly baseUrl: string;
  private readonly serviceToken: string;

  constructor(config: ConfigService<CredentialsClientEnvironment, true>) {
    this.baseUrl = config.get('CREDENTIALS_URL', { infer: true }).replace(/\/+$/, '');
    this.serviceToken = config.get('CREDENTIALS_SERVICE_TOKEN', { infer: true });
  }

  zoomAccessToken(credentialId: string): Promise<ZoomAccessToken> {
    return this.call('GET', `/internal/zoom-credentials/${encodeURIComponent(credentialId)}/access-token`);
  }

  /** After Zoom answered code 124 to this token: the broker mints one replacement, however many callers report it. */
  renewZoomAccessToken(credentialId: string, refusedAccessToken: string): Promise<ZoomAccessToken> {
    return this.call('POST', `/internal/zoom-credentials/${encodeURIComponent(credentialId)}/access-token/invalidate`, {
      refusedAccessToken,
    });
  }

  oomnitzaAccess(credentialId: string): Promise<OomnitzaAccess> {
    return this.call('GET', `/internal/oomnitza-credentials/${encodeURIComponent(credentialId)}/token`);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.serviceToken}`,
          accept: 'application/json',
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
