import {
  CredentialProblemError,
  CredentialRef,
  CredentialsClient,
  CredentialsUnavailableError,
  ZoomAccessToken,
  ZoomWebhookEndpoint,
} from '@zoom-oomnitza-sync/credentials-client';

const API_URL = 'https://api.zoom.example/v2';
/** The one Zoom account the fake credentials service's tokens act on. */
export const ACCOUNT_ID = 'account-of-the-fake';

/**
 * The credentials service for one Zoom account: its token broker (token-1 at first, and one new
 * token for each renewal; or a refusal, as a CredentialProblemError, when a test sets one) and its
 * webhook endpoints (as the test registers them); while it is unavailable, every call fails.
 */
export class FakeCredentials implements Pick<
  CredentialsClient,
  'zoomAccessToken' | 'renewZoomAccessToken' | 'zoomWebhookEndpoint' | 'forgetZoomCredential'
> {
  readonly renewals: Array<{ credentialId: string; refusedAccessToken: string }> = [];
  /** Every credential a token was asked for, with the tenant named. */
  readonly asked: CredentialRef[] = [];
  readonly endpoints = new Map<string, ZoomWebhookEndpoint>();
  readonly forgotten: string[] = [];
  refusal?: Error;
  unavailable = false;
  private minted = 1;

  async zoomWebhookEndpoint(endpointId: string): Promise<ZoomWebhookEndpoint> {
    if (this.unavailable) {
      throw new CredentialsUnavailableError('the credentials service answered 503: database down');
    }
    const endpoint = this.endpoints.get(endpointId);
    if (!endpoint) {
      throw new CredentialProblemError(404, 'No Zoom credential has this webhook endpoint.');
    }
    return endpoint;
  }

  forgetZoomCredential(credentialId: string): void {
    this.forgotten.push(credentialId);
  }

  async zoomAccessToken(credential: CredentialRef): Promise<ZoomAccessToken> {
    this.asked.push(credential);
    if (this.unavailable) {
      throw new CredentialsUnavailableError('the credentials service did not answer: connect ECONNREFUSED');
    }
    if (this.refusal) {
      throw this.refusal;
    }
    return this.token(this.minted);
  }

  async renewZoomAccessToken({ credentialId }: CredentialRef, refusedAccessToken: string): Promise<ZoomAccessToken> {
    this.renewals.push({ credentialId, refusedAccessToken });
    this.minted += 1;
    return this.token(this.minted);
  }

  private token(number: number): ZoomAccessToken {
    return {
      accessToken: `token-${number}`,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      apiUrl: API_URL,
      accountId: ACCOUNT_ID,
    };
  }
}
