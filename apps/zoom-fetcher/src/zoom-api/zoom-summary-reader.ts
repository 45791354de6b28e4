import { Injectable } from '@nestjs/common';
import { CredentialsClient, ZoomAccessToken } from '@zoom-oomnitza-sync/credentials-client';
import { countsOfSummary, UserCounts } from '../directory/user-counts';
import { RequestPacer } from './request-pacer';
import { ZoomApiError } from './zoom-api.error';
import { ZoomUsersClient } from './zoom-users.client';

/** `GET /users/summary` of a credential's account, inside its Medium pace; a token Zoom refuses (124) is replaced once. */
@Injectable()
export class ZoomSummaryReader {
  constructor(
    private readonly zoom: ZoomUsersClient,
    private readonly credentials: CredentialsClient,
    private readonly pacer: RequestPacer,
  ) {}

  async read(zoomCredentialId: string): Promise<UserCounts> {
    let access: ZoomAccessToken = await this.credentials.zoomAccessToken(zoomCredentialId);
    for (let renewed = false; ; renewed = true) {
      await this.pacer.wait(zoomCredentialId, 'medium');
      try {
        return countsOfSummary(await this.zoom.usersSummary(access.apiUrl, access.accessToken));
      } catch (error) {
        if (!(error instanceof ZoomApiError && error.invalidToken) || renewed) {
          throw error;
        }
        access = await this.credentials.renewZoomAccessToken(zoomCredentialId, access.accessToken);
      }
    }
  }
}
