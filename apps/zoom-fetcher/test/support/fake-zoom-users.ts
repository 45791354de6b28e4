import { ZOOM_USER_STATUSES, ZoomUserDto, ZoomUserStatus } from '@zoom-oomnitza-sync/contracts';
import { randomBytes } from 'node:crypto';
import { retryAfterMs } from '../../src/zoom-api/retry-after';
import { ZoomApiError } from '../../src/zoom-api/zoom-api.error';
import { UsersPage, ZoomUsersClient } from '../../src/zoom-api/zoom-users.client';

/** More requests than any test's fetch needs: beyond it the runner is going round in circles. */
const RUNAWAY_REQUESTS = 200;

export interface ListUsersRequest {
  accessToken: string;
  status: ZoomUserStatus;
  pageSize: number;
  nextPageToken?: string;
}

export interface GetUserRequest {
  accessToken: string;
  userId: string;
}

/** Zoom's documented error answers to GET /users and GET /users/{userId}, as ZoomUsersClient turns them into errors. */
export const zoomAnswers = {
  invalidAccessToken: () => new ZoomApiError(401, 124, 'Zoom answered 401 code 124: Invalid access token.'),
  pageTokenExpired: () => new ZoomApiError(400, 300, 'Zoom answered 400 code 300: The next page token is invalid or expired.'),
  validationFailed: () => new ZoomApiError(400, 300, 'Zoom answered 400 code 300: Validation Failed.'),
  /** Retry-After in seconds, or absent. */
  perSecondLimit: (retryAfter: string | null) =>
    new ZoomApiError(
      429,
      429,
      'Zoom answered 429 code 429: You have reached the maximum per-second rate limit for this API. Try again later.',
      retryAfterMs(retryAfter, false),
      false,
    ),
  /** Retry-After is the instant of the reset (00:00 UTC). */
  dailyLimit: (resetsAt: Date) =>
    new ZoomApiError(
      429,
      429,
      'Zoom answered 429 code 429: You have reached the maximum daily rate limit for this API. ' +
        'Refer to the response header for details on when you can make another request.',
      retryAfterMs(resetsAt.toISOString().replace('.000Z', 'Z'), true),
      true,
    ),
  serverError: (status = 503) => new ZoomApiError(status, undefined, `Zoom answered ${status}: HTTP ${status}`),
  userNotFound: (userId: string) => new ZoomApiError(404, 1001, `Zoom answered 404 code 1001: User does not exist: ${userId}.`),
  missingScope: () =>
    new ZoomApiError(400, 4711, 'Zoom answered 400 code 4711: Invalid access token, does not contain scopes:[user:read:user:admin].'),
};

/** The next 00:00 UTC, when Zoom's daily limits reset. */
export function nextUtcMidnight(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

export function zoomUsers(status: ZoomUserStatus, count: number): ZoomUserDto[] {
  return Array.from({ length: count }, (_, index) => ({
    ...(status === 'pending' ? {} : { id: `${status}-${index + 1}` }),
    email: `${status}-${index + 1}@example.com`,
    status,
  }));
}

/**
 * Zoom's list users and get user over a population, paged with opaque page tokens that are only
 * good for the pass they were issued in; a test scripts error answers for chosen requests.
 */
export class FakeZoomUsers implements Pick<ZoomUsersClient, 'listUsers' | 'getUser' | 'usersSummary'> {
  readonly requests: ListUsersRequest[] = [];
  readonly userReads: GetUserRequest[] = [];
  summaryRequests = 0;
  /** Errors Zoom answers the next summary requests with, in order. */
  readonly summaryFailures: ZoomApiError[] = [];
  /** Runs as each get user request arrives, before Zoom answers. */
  onUserRead?: (request: GetUserRequest, requestNumber: number) => Promise<void> | void;
  private readonly scriptedReads = new Map<number, ZoomApiError>();
  /** Runs as each request arrives, before Zoom answers: things that happen while the fetch is under way. */
  onRequest?: (request: ListUsersRequest, requestNumber: number) => Promise<void> | void;
  private readonly scripted = new Map<number, ZoomApiError>();
  private persistent?: { fromRequest: number; error: ZoomApiError };
  private readonly pageTokens = new Map<string, { status: ZoomUserStatus; offset: number }>();
  private population: Record<ZoomUserStatus, ZoomUserDto[]>;

  constructor(counts: Partial<Record<ZoomUserStatus, number>>) {
    this.population = Object.fromEntries(ZOOM_USER_STATUSES.map((status) => [status, zoomUsers(status, counts[status] ?? 0)])) as Record<
      ZoomUserStatus,
      ZoomUserDto[]
    >;
  }

  /** Zoom answers the request with this number (counted from 1) with an error instead of a page. */
  answer(requestNumber: number, error: ZoomApiError): this {
    this.scripted.set(requestNumber, error);
    return this;
  }

  /** Zoom answers every request from this one on with the error. */
  answerFrom(requestNumber: number, error: ZoomApiError): this {
    this.persistent = { fromRequest: requestNumber, error };
    return this;
  }

  /** Zoom answers the get user request with this number (counted from 1) with an error. */
  answerUserRead(requestNumber: number, error: ZoomApiError): this {
    this.scriptedReads.set(requestNumber, error);
    return this;
  }

  /** Forgets the get user requests and their scripted answers: the next request is number 1 again. */
  forgetUserReads(): void {
    this.userReads.length = 0;
    this.scriptedReads.clear();
    this.onUserRead = undefined;
  }

  /** An admin changes a user in Zoom: later reads show it. */
  change(userId: string, changes: Partial<ZoomUserDto>): void {
    const user = this.users.find((candidate) => candidate.id === userId);
    if (!user) {
      throw new Error(`no user ${userId}`);
    }
    Object.assign(user, changes);
  }

  /** An admin adds a user to Zoom. */
  add(status: ZoomUserStatus, user: ZoomUserDto): void {
    this.population[status].push({ ...user, status });
  }

  /** An admin deletes a user from Zoom. */
  remove(userId: string): void {
    for (const status of ZOOM_USER_STATUSES) {
      this.population[status] = this.population[status].filter((user) => user.id !== userId);
    }
  }

  get users(): ZoomUserDto[] {
    return ZOOM_USER_STATUSES.flatMap((status) => this.population[status]);
  }

  async listUsers(_apiUrl: string, accessToken: string, query: Omit<ListUsersRequest, 'accessToken'>): Promise<UsersPage> {
    const request = { accessToken, ...query };
    const requestNumber = this.requests.push(request);
    if (requestNumber > RUNAWAY_REQUESTS) {
      throw new Error(`over ${RUNAWAY_REQUESTS} requests: the fetch goes round in circles`);
    }
    await this.onRequest?.(request, requestNumber);
    const scripted = this.scriptedAnswer(requestNumber);
    if (scripted) {
      throw scripted;
    }
    const users = this.population[query.status];
    const end = this.offsetOf(query) + query.pageSize;
    return {
      users: users.slice(end - query.pageSize, end),
      nextPageToken: end < users.length ? this.issueToken(query.status, end) : undefined,
      totalRecords: users.length,
    };
  }

  async getUser(_apiUrl: string, accessToken: string, userId: string): Promise<ZoomUserDto> {
    const request = { accessToken, userId };
    const requestNumber = this.userReads.push(request);
    await this.onUserRead?.(request, requestNumber);
    const scripted = this.scriptedReads.get(requestNumber);
    if (scripted) {
      throw scripted;
    }
    const user = this.users.find((candidate) => candidate.id === userId);
    if (!user) {
      throw zoomAnswers.userNotFound(userId);
    }
    return { ...user };
  }

  /** Counted as the Zoom sandbox counts: pending users apart, the others by license type. */
  async usersSummary(): Promise<Record<string, unknown>> {
    this.summaryRequests += 1;
    const failure = this.summaryFailures.shift();
    if (failure) {
      throw failure;
    }
    const listed = [...this.population.active, ...this.population.inactive];
    const ofType = (type: number) => listed.filter((user) => user.type === type).length;
    return {
      licensed_users_count: ofType(2),
      basic_users_count: ofType(1),
      join_only_users_count: listed.length - ofType(2) - ofType(1),
      pending_users_count: this.population.pending.length,
    };
  }

  private scriptedAnswer(requestNumber: number): ZoomApiError | undefined {
    const persistent = this.persistent && requestNumber >= this.persistent.fromRequest ? this.persistent.error : undefined;
    return this.scripted.get(requestNumber) ?? persistent;
  }

  private offsetOf(query: Pick<ListUsersRequest, 'status' | 'nextPageToken'>): number {
    if (query.nextPageToken === undefined) {
      return 0;
    }
    const position = this.pageTokens.get(query.nextPageToken);
    if (!position || position.status !== query.status) {
      throw zoomAnswers.pageTokenExpired();
    }
    return position.offset;
  }

  private issueToken(status: ZoomUserStatus, offset: number): string {
    const token = randomBytes(24).toString('base64url');
    this.pageTokens.set(token, { status, offset });
    return token;
  }
}
