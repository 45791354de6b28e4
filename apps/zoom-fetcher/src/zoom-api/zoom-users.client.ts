import { Injectable } from '@nestjs/common';
import { ZoomUserDto, ZoomUserStatus } from '@zoom-oomnitza-sync/contracts';
import { retryAfterMs } from './retry-after';
import { ZoomApiError } from './zoom-api.error';

export interface UsersPage {
  users: ZoomUserDto[];
  nextPageToken?: string;
  totalRecords?: number;
}

const TIMEOUT_MS = 30_000;

/** GET /v2/users (one page), GET /v2/users/{userId} and GET /v2/users/summary. Errors come back as ZoomApiError with Zoom's code. */
@Injectable()
export class ZoomUsersClient {
  async listUsers(
    apiUrl: string,
    accessToken: string,
    query: { status: ZoomUserStatus; pageSize: number; nextPageToken?: string; customAttributes?: boolean },
  ): Promise<UsersPage> {
    const url = new URL(`${apiUrl.replace(/\/+$/, '')}/users`);
    url.searchParams.set('status', query.status);
    url.searchParams.set('page_size', String(query.pageSize));
    if (query.nextPageToken) {
      url.searchParams.set('next_page_token', query.nextPageToken);
    }
    if (query.customAttributes) {
      url.searchParams.set('include_fields', 'custom_attributes');
    }
    const body = await this.get(url, accessToken);
    return {
      users: Array.isArray(body.users) ? (body.users as ZoomUserDto[]) : [],
      nextPageToken: typeof body.next_page_token === 'string' && body.next_page_token !== '' ? body.next_page_token : undefined,
      totalRecords: typeof body.total_records === 'number' ? body.total_records : undefined,
    };
  }

  /** The whole user as Zoom shows it now; a user that does not exist is a ZoomApiError with `userNotFound`. */
  async getUser(apiUrl: string, accessToken: string, userId: string): Promise<ZoomUserDto> {
    return (await this.get(new URL(`${apiUrl.replace(/\/+$/, '')}/users/${encodeURIComponent(userId)}`), accessToken)) as ZoomUserDto;
  }

  /** GET /v2/users/summary: users by kind, as Zoom counts them. */
  async usersSummary(apiUrl: string, accessToken: string): Promise<Record<string, unknown>> {
    return this.get(new URL(`${apiUrl.replace(/\/+$/, '')}/users/summary`), accessToken);
  }

  private async get(url: URL, accessToken: string): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(url, { headers: { authorization: `Bearer ${accessToken}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new ZoomApiError(0, undefined, `could not reach ${url.origin}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const daily = response.headers.get('x-ratelimit-type')?.toLowerCase().startsWith('daily') ?? false;
      const code = typeof body.code === 'number' ? body.code : undefined;
      const message = typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
      const wait = response.status === 429 ? retryAfterMs(response.headers.get('retry-after'), daily) : undefined;
      throw new ZoomApiError(
        response.status,
        code,
        `Zoom answered ${response.status}${code ? ` code ${code}` : ''}: ${message}`,
        wait,
        daily,
      );
    }
    return body;
  }
}
