import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { RateLimitedProblem } from '../errors/problems';
import { Principal } from '../auth/principal';

/** The throttlers, by name: what each counts requests per. */
export const KEY_THROTTLER = 'key';
export const TENANT_THROTTLER = 'tenant';

const WHAT_IS_LIMITED: Record<string, string> = {
  [KEY_THROTTLER]: 'this API key',
  [TENANT_THROTTLER]: "this API key's tenant",
};

/**
 * Limits the requests of tenants' API keys, per key and per tenant, across all of a service's
 * routes and replicas (the counts live in PostgreSQL). Runs after ApiKeyGuard, which names the
 * principal. Not limited: the admin key, public routes (health, metrics, Zoom's webhook deliveries,
 * which Zoom would retry) and service-token routes, none of which carry a tenant's key.
 */
@Injectable()
export class ApiRateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    return principal === undefined || principal.admin;
  }

  protected override async throwThrottlingException(context: ExecutionContext, limit: ThrottlerLimitDetail): Promise<void> {
    const throttler = limit.key.split(':')[0];
    throw new RateLimitedProblem(
      `More than ${limit.limit} requests in ${Math.round(limit.ttl / 1000)} s from ${WHAT_IS_LIMITED[throttler] ?? 'this caller'}: ` +
        `try again in ${limit.timeToBlockExpire} s.`,
      Math.max(1, limit.timeToBlockExpire),
    );
  }
}

/** What a throttler counts a request against: the key's id, or its tenant. */
export function trackerOf(throttler: string, request: { principal?: Principal }): string {
  const principal = request.principal;
  if (!principal || principal.admin) {
    return 'none';
  }
  return throttler === TENANT_THROTTLER ? principal.tenantId : principal.keyId;
}
