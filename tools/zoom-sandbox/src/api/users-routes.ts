import { Router } from '@zoom-oomnitza-sync/devkit';
import { AccountRegistry } from '../accounts/account-registry';
import { SandboxAccount } from '../accounts/sandbox-account';
import { OPERATION_SCOPES } from '../auth/scopes';
import { Clock } from '../clock';
import { sendJson, sendJsonBytes, sendZoomError } from '../http/respond';
import { Handler, RequestContext } from '../http/request-context';
import { detailView, listJson, ListVariant } from '../population/user-views';
import { USER_STATUSES, UserStatus } from '../population/zoom-user';
import { ApiGuard } from './api-guard';
import { PageCache } from './page-cache';
import { PagePosition, PageTokenCodec } from './page-token';

export interface UsersRouteSettings {
  /** The largest page_size honoured; larger requests get pages of this size. */
  pageSizeCap: number;
}

const DEFAULT_PAGE_SIZE = 30;
const LIST_TAIL = Buffer.from(']}');
const LIST_USERS = { scopes: OPERATION_SCOPES.listUsers, category: 'Medium' } as const;
const GET_USER = { scopes: OPERATION_SCOPES.getUser, category: 'Light' } as const;
const USERS_SUMMARY = { scopes: OPERATION_SCOPES.usersSummary, category: 'Medium' } as const;

/** GET /v2/users, GET /v2/users/summary, GET /v2/users/{userId}. */
export function addUsersRoutes(
  router: Router<Handler>,
  guard: ApiGuard,
  accounts: AccountRegistry,
  pageTokens: PageTokenCodec,
  clock: Clock,
  settings: UsersRouteSettings,
): void {
  const pageCaches = new Map<SandboxAccount, PageCache>(accounts.all.map((account) => [account, new PageCache()]));

  router.add('GET', '/v2/users', ({ req, res, query }: RequestContext) => {
    const admission = guard.admit(req.headers.authorization, res, LIST_USERS);
    if (!admission) {
      return;
    }
    const { account, headers } = admission;
    const pageSize = pageSizeOf(query.get('page_size'), settings.pageSizeCap);
    const position = requestedPosition(query, account, pageTokens, pageSize);
    if ('error' in position) {
      return sendJson(res, 400, position.error, headers);
    }
    const { offset } = position;
    const variant = listVariant(query.get('include_fields'));
    const listing = account.population.listing(position.status, position.roleId);
    const end = Math.min(offset + pageSize, listing.length);
    const users = (pageCaches.get(account) as PageCache).get(
      account.population.revision,
      `${position.status}|${position.roleId ?? ''}|${variant}|${offset}|${pageSize}`,
      () => {
        const parts: string[] = [];
        for (let index = offset; index < end; index += 1) {
          parts.push(listJson(listing[index].user, variant));
        }
        return Buffer.from(parts.join(','));
      },
    );
    const nextPageToken = end < listing.length ? pageTokens.issue({ ...position, offset: end }) : '';
    const head = Buffer.from(
      `{"page_count":${Math.ceil(listing.length / pageSize)},"page_number":${Math.floor(offset / pageSize) + 1},"page_size":${pageSize},"total_records":${listing.length},"next_page_token":"${nextPageToken}","users":[`,
    );
    sendJsonBytes(res, 200, Buffer.concat([head, users, LIST_TAIL], head.length + users.length + LIST_TAIL.length), headers);
  });

  router.add('GET', '/v2/users/summary', ({ req, res }: RequestContext) => {
    const admission = guard.admit(req.headers.authorization, res, USERS_SUMMARY);
    if (admission) {
      sendJson(res, 200, admission.account.population.summary(), admission.headers);
    }
  });

  router.add('GET', '/v2/users/:userId', ({ req, res, params }: RequestContext) => {
    const admission = guard.admit(req.headers.authorization, res, GET_USER);
    if (!admission) {
      return;
    }
    const user = admission.account.population.find(params.userId);
    if (!user) {
      return sendZoomError(res, 404, 1001, `User does not exist: ${params.userId}.`, admission.headers);
    }
    sendJson(res, 200, detailView(user, admission.account.facts, clock.now()), admission.headers);
  });
}

/** Where the page starts: where next_page_token points, else at page_number (deprecated, default 1) of the pass the query asks for. */
function requestedPosition(
  query: URLSearchParams,
  account: SandboxAccount,
  pageTokens: PageTokenCodec,
  pageSize: number,
): PagePosition | { error: object } {
  const token = query.get('next_page_token');
  if (token) {
    const position = pageTokens.read(token);
    if (!position || position.accountOrdinal !== account.ordinal) {
      return { error: { code: 300, message: 'The next page token is invalid or expired.' } };
    }
    return position;
  }
  const status = query.get('status') ?? 'active';
  if (!USER_STATUSES.includes(status as UserStatus)) {
    return {
      error: {
        code: 300,
        message: 'Validation Failed.',
        errors: [{ field: 'status', message: `Invalid field. Allowed values: ${USER_STATUSES.join(', ')}.` }],
      },
    };
  }
  const roleId = query.get('role_id');
  return {
    accountOrdinal: account.ordinal,
    status: status as UserStatus,
    offset: ((positiveInteger(query.get('page_number')) ?? 1) - 1) * pageSize,
    roleId: roleId === null || roleId === '' ? undefined : roleId,
  };
}

function pageSizeOf(requested: string | null, cap: number): number {
  return Math.min(positiveInteger(requested) ?? DEFAULT_PAGE_SIZE, cap);
}

function positiveInteger(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) {
    return undefined;
  }
  const parsed = Number(value);
  return parsed >= 1 ? parsed : undefined;
}

function listVariant(includeFields: string | null): ListVariant {
  return includeFields === 'custom_attributes' || includeFields === 'host_key' ? includeFields : 'plain';
}
