import { ServerResponse } from 'node:http';
import { AccountRegistry } from '../accounts/account-registry';
import { SandboxAccount } from '../accounts/sandbox-account';
import { grants, missingScopeMessage } from '../auth/scopes';
import { TokenStore } from '../auth/token-store';
import { Clock } from '../clock';
import { sendZoomError } from '../http/respond';
import { RateLimitCategory } from '../rate-limit/plans';
import { RATE_LIMIT_MESSAGES } from '../rate-limit/rate-limiter';

export interface Operation {
  scopes: readonly string[];
  category: RateLimitCategory;
}

export interface Admission {
  account: SandboxAccount;
  /** Rate-limit headers for the response. */
  headers: Record<string, string>;
}

const TOKEN_MESSAGES = { missing: 'Invalid access token.', invalid: 'Invalid access token.', expired: 'Access token is expired.' } as const;

/** Every /v2 call: a live token (401 code 124), the scope (400 code 4711), the account's rate limit (429). */
export class ApiGuard {
  constructor(
    private readonly tokens: TokenStore,
    private readonly accounts: AccountRegistry,
    private readonly clock: Clock,
  ) {}

  /** The caller's account, or undefined when the response has been sent. */
  admit(authorization: string | undefined, res: ServerResponse, operation: Operation): Admission | undefined {
    const check = this.tokens.check(authorization);
    if (!check.valid) {
      sendZoomError(res, 401, 124, TOKEN_MESSAGES[check.reason]);
      return undefined;
    }
    const account = this.accounts.find(check.grant.accountId) as SandboxAccount;
    if (!grants(check.grant.scopes, operation.scopes)) {
      sendZoomError(res, 400, 4711, missingScopeMessage(operation.scopes));
      return undefined;
    }
    const decision = account.rateLimiter.take(operation.category, this.clock.now());
    if (!decision.allowed) {
      sendZoomError(res, 429, 429, RATE_LIMIT_MESSAGES[decision.limitType], decision.headers);
      return undefined;
    }
    return { account, headers: decision.headers };
  }
}
