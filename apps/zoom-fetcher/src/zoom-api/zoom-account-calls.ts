import { Injectable } from '@nestjs/common';
import { CredentialRef, CredentialsClient, ZoomAccessToken } from '@zoom-oomnitza-sync/credentials-client';
import { ZoomRateBudget, ZoomRateCategory } from './zoom-rate-budget';
import { ZoomApiError } from './zoom-api.error';

/**
 * One call to a credential's Zoom account: with its current token, inside the account's pace (and
 * daily budget) for the call's rate-limit category, and with one replacement token when Zoom
 * refuses it (code 124). Zoom saying the day's calls are used up holds every replica back until
 * the reset.
 */
@Injectable()
export class ZoomAccountCalls {
  constructor(
    private readonly credentials: CredentialsClient,
    private readonly budget: ZoomRateBudget,
  ) {}

  async call<T>(credential: CredentialRef, category: ZoomRateCategory, request: (access: ZoomAccessToken) => Promise<T>): Promise<T> {
    let access = await this.credentials.zoomAccessToken(credential);
    for (let renewed = false; ; renewed = true) {
      const current = access;
      try {
        return await this.budget.call(current.accountId, category, () => request(current));
      } catch (error) {
        if (!(error instanceof ZoomApiError && error.invalidToken) || renewed) {
          throw error;
        }
        access = await this.credentials.renewZoomAccessToken(credential, access.accessToken);
      }
    }
  }
}
