import { CategoryLimit, Plan, PLAN_LIMITS, RateLimitCategory } from './plans';

export type RateLimitType = 'QPS' | 'Daily-limit';

export type RateDecision =
  { allowed: true; headers: Record<string, string> } | { allowed: false; limitType: RateLimitType; headers: Record<string, string> };

interface Usage {
  second: number;
  usedInSecond: number;
  day: number;
  usedInDay: number;
}

/** What one category of an account saw: calls let through, calls refused with 429, the busiest second. */
export interface CategoryStats {
  accepted: number;
  rejected: number;
  peakPerSecond: number;
}

const DAY_MS = 86_400_000;
const NO_HEADERS: Record<string, string> = {};

/**
 * One Zoom account's budget, shared by every app and token of the account: a per-second window
 * and a UTC-day window per category. Rejected calls use no budget.
 */
export class AccountRateLimiter {
  private readonly usage = new Map<RateLimitCategory, Usage>();
  private readonly seen = new Map<RateLimitCategory, CategoryStats>();

  constructor(private plan: Plan) {}

  get currentPlan(): Plan {
    return this.plan;
  }

  changePlan(plan: Plan): void {
    this.plan = plan;
    this.usage.clear();
  }

  /** Per category: how the account's callers fared, to measure whether they kept to its limits. */
  stats(): Partial<Record<RateLimitCategory, CategoryStats>> {
    return Object.fromEntries([...this.seen].map(([category, stats]) => [category, { ...stats }]));
  }

  take(category: RateLimitCategory, now: number): RateDecision {
    const decision = this.decide(category, now);
    const stats = this.seen.get(category) ?? { accepted: 0, rejected: 0, peakPerSecond: 0 };
    if (decision.allowed) {
      stats.accepted += 1;
      stats.peakPerSecond = Math.max(stats.peakPerSecond, this.currentUsage(category, now).usedInSecond);
    } else {
      stats.rejected += 1;
    }
    this.seen.set(category, stats);
    return decision;
  }

  private decide(category: RateLimitCategory, now: number): RateDecision {
    const limit = PLAN_LIMITS[this.plan]?.[category];
    if (!limit) {
      // No limit to keep: the second's count is still kept, for the busiest second.
      this.currentUsage(category, now).usedInSecond += 1;
      return { allowed: true, headers: NO_HEADERS };
    }
    const usage = this.currentUsage(category, now);
    if (limit.perDay !== undefined && usage.usedInDay >= limit.perDay) {
      return {
        allowed: false,
        limitType: 'Daily-limit',
        headers: rejectionHeaders(category, 'Daily-limit', limit.perDay, nextUtcMidnight(now)),
      };
    }
    if (usage.usedInSecond >= limit.perSecond) {
      return { allowed: false, limitType: 'QPS', headers: rejectionHeaders(category, 'QPS', limit.perSecond, '1') };
    }
    usage.usedInSecond += 1;
    usage.usedInDay += 1;
    return { allowed: true, headers: acceptanceHeaders(category, limit, usage) };
  }

  private currentUsage(category: RateLimitCategory, now: number): Usage {
    const second = Math.floor(now / 1000);
    const day = Math.floor(now / DAY_MS);
    let usage = this.usage.get(category);
    if (!usage) {
      usage = { second, usedInSecond: 0, day, usedInDay: 0 };
      this.usage.set(category, usage);
    }
    if (usage.second !== second) {
      usage.second = second;
      usage.usedInSecond = 0;
    }
    if (usage.day !== day) {
      usage.day = day;
      usage.usedInDay = 0;
    }
    return usage;
  }
}

/** Categories with a daily limit report the day's budget; the others the current second's. */
function acceptanceHeaders(category: RateLimitCategory, limit: CategoryLimit, usage: Usage): Record<string, string> {
  const daily = limit.perDay !== undefined;
  return {
    'X-RateLimit-Category': category,
    'X-RateLimit-Type': daily ? 'Daily-limit' : 'QPS',
    'X-RateLimit-Limit': String(daily ? limit.perDay : limit.perSecond),
    'X-RateLimit-Remaining': String(daily ? (limit.perDay as number) - usage.usedInDay : limit.perSecond - usage.usedInSecond),
  };
}

export function rejectionHeaders(
  category: RateLimitCategory,
  type: RateLimitType,
  limit: number,
  retryAfter: string,
): Record<string, string> {
  return {
    'X-RateLimit-Category': category,
    'X-RateLimit-Type': type,
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': '0',
    'Retry-After': retryAfter,
  };
}

/** Daily limits reset at 00:00 UTC; Zoom gives that instant as Retry-After. */
export function nextUtcMidnight(now: number): string {
  return new Date((Math.floor(now / DAY_MS) + 1) * DAY_MS).toISOString().replace('.000Z', 'Z');
}

export const RATE_LIMIT_MESSAGES: Record<RateLimitType, string> = {
  QPS: 'You have reached the maximum per-second rate limit for this API. Try again later.',
  'Daily-limit':
    'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
};
