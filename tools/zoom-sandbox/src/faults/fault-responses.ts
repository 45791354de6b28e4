import { ServerResponse } from 'node:http';
import { sendJson } from '../http/respond';
import { Plan, PLAN_LIMITS, RateLimitCategory } from '../rate-limit/plans';
import { nextUtcMidnight, RATE_LIMIT_MESSAGES, rejectionHeaders } from '../rate-limit/rate-limiter';
import { RequestFailure } from './fault-injector';

const GATEWAY_PAGES: Record<number, string> = {
  502: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
  503: '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>',
  504: '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center></body></html>',
};

/**
 * Answers a request hit by an injected failure. 500 comes as Zoom's JSON error; 502-504 as the
 * HTML page a gateway sends, which a client must survive too. An injected 429 names the
 * category of the route and the limit of `plan` (Pro's when the plan has none).
 */
export function sendInjectedFailure(res: ServerResponse, path: string, failure: RequestFailure, plan: Plan, now: number): void {
  if (failure.kind === 'server-error') {
    if (failure.status === 500) {
      return sendJson(res, 500, { code: 500, message: 'Internal Server Error' });
    }
    const page = GATEWAY_PAGES[failure.status];
    res.writeHead(failure.status, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(page) });
    res.end(page);
    return;
  }
  const category = categoryOf(path);
  const limits = (PLAN_LIMITS[plan] ?? PLAN_LIMITS.pro)?.[category];
  const daily = failure.limitType === 'Daily-limit';
  const full = rejectionHeaders(
    category,
    failure.limitType,
    (daily ? limits?.perDay : limits?.perSecond) ?? 0,
    daily ? nextUtcMidnight(now) : '1',
  );
  const headers =
    failure.headers === 'full'
      ? full
      : failure.headers === 'partial'
        ? { 'X-RateLimit-Category': full['X-RateLimit-Category'], 'X-RateLimit-Type': full['X-RateLimit-Type'] }
        : {};
  sendJson(res, 429, { code: 429, message: RATE_LIMIT_MESSAGES[failure.limitType] }, headers);
}

function categoryOf(path: string): RateLimitCategory {
  return /^\/v2\/users\/[^/]+$/.test(path) && path !== '/v2/users/summary' ? 'Light' : 'Medium';
}
