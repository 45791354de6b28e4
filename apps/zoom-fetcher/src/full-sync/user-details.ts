import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ZoomUserDto } from '@zoom-oomnitza-sync/contracts';
import { CredentialRef } from '@zoom-oomnitza-sync/credentials-client';
import { Pause, Waiting } from '@zoom-oomnitza-sync/platform';
import { ZoomAccountCalls } from '../zoom-api/zoom-account-calls';
import { ZoomApiError } from '../zoom-api/zoom-api.error';
import { retryPassingZoomTrouble } from '../zoom-api/zoom-retries';
import { ZoomUsersClient } from '../zoom-api/zoom-users.client';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';

/**
 * Fills in, for a mapping that reads them, the fields only GET /users/{userId} returns: each listed
 * user is read once, within the account's Light budget, and only those fields are added to it.
 */
@Injectable()
export class UserDetails {
  private readonly maxAttempts: number;

  constructor(
    private readonly calls: ZoomAccountCalls,
    private readonly zoom: ZoomUsersClient,
    @Inject(Pause) private readonly pause: Waiting,
    config: ConfigService<ZoomFetcherEnvironment, true>,
  ) {
    this.maxAttempts = config.get('ZOOM_MAX_ATTEMPTS', { infer: true });
  }

  /** The page's users with `sources` filled from Zoom; a user Zoom no longer knows keeps what the list said. */
  async fill(credential: CredentialRef, users: ZoomUserDto[], sources: readonly string[]): Promise<ZoomUserDto[]> {
    if (sources.length === 0) {
      return users;
    }
    const filled: ZoomUserDto[] = [];
    for (const user of users) {
      // A pending user has no id yet: Zoom reads users by e-mail too.
      const key = user.id ?? user.email;
      const details = key ? await this.read(credential, key) : undefined;
      const picked = details
        ? Object.fromEntries(sources.filter((source) => source in details).map((source) => [source, details[source]]))
        : {};
      filled.push({ ...user, ...picked });
    }
    return filled;
  }

  private async read(credential: CredentialRef, idOrEmail: string): Promise<Record<string, unknown> | undefined> {
    try {
      return (await retryPassingZoomTrouble(this.pause, this.maxAttempts, () =>
        this.calls.call(credential, 'light', (access) => this.zoom.getUser(access.apiUrl, access.accessToken, idOrEmail)),
      )) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof ZoomApiError && error.userNotFound) {
        return undefined;
      }
      throw error;
    }
  }
}
