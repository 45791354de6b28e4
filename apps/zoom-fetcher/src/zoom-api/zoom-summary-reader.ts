import { Injectable } from '@nestjs/common';
import { CredentialRef } from '@zoom-oomnitza-sync/credentials-client';
import { countsOfSummary, UserCounts } from '../directory/user-counts';
import { ZoomAccountCalls } from './zoom-account-calls';
import { ZoomUsersClient } from './zoom-users.client';

/** `GET /users/summary` of a credential's account, as counts by kind (a Medium-category call). */
@Injectable()
export class ZoomSummaryReader {
  constructor(
    private readonly zoom: ZoomUsersClient,
    private readonly calls: ZoomAccountCalls,
  ) {}

  async read(credential: CredentialRef): Promise<UserCounts> {
    return countsOfSummary(
      await this.calls.call(credential, 'medium', (access) => this.zoom.usersSummary(access.apiUrl, access.accessToken)),
    );
  }
}
