import { CredentialsClient, ZoomAccessToken } from '@zoom-oomnitza-sync/credentials-client';

const API_URL = 'https://api.zoom.example/v2';

/**
 * The credentials service's token broker for one Zoom account: token-1 at first, and one new token
 * for each renewal; or a refusal, as a CredentialProblemError, when a test sets one.
 */
export class FakeCredentials implements Pick<CredentialsClient, 'zoomAccessToken' | 'renewZoomAccessToken'> {
  readonly renewals: Array<{ credentialId: string; refusedAccessToken: string }> = [];
  refusal?: Error;
  private minted = 1;

  async zoomAccessToken(_credentialId: string): Promise<ZoomAccessToken> {
    if (this.refusal) {
      throw this.refusal;
    }
    return this.token(this.minted);
  }

  async renewZoomAccessToken(credentialId: string, refusedAccessToken: string): Promise<ZoomAccessToken> {
    this.renewals.push({ credentialId, refusedAccessToken });
    this.minted += 1;
    return this.token(this.minted);
  }

  private token(number: number): ZoomAccessToken {
    return { accessToken: `token-${number}`, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), apiUrl: API_URL };
  }
}
