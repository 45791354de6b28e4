export type Plan = 'free' | 'pro' | 'business' | 'unlimited';
export const PLANS: readonly Plan[] = ['free', 'pro', 'business', 'unlimited'];

export type RateLimitCategory = 'Light' | 'Medium' | 'Heavy';

export interface CategoryLimit {
  perSecond: number;
  perDay?: number;
}

/**
 * Zoom's published limits per account plan ("business" stands for Business+: Business,
 * Education, Enterprise, Partner). Pro and Business+ have a daily limit on Heavy calls only.
 * `unlimited` is the sandbox's own, for load tests of the platform itself.
 */
export const PLAN_LIMITS: Record<Plan, Record<RateLimitCategory, CategoryLimit> | undefined> = {
  free: { Light: { perSecond: 4, perDay: 6000 }, Medium: { perSecond: 2, perDay: 2000 }, Heavy: { perSecond: 1, perDay: 1000 } },
  pro: { Light: { perSecond: 30 }, Medium: { perSecond: 20 }, Heavy: { perSecond: 10, perDay: 30_000 } },
  business: { Light: { perSecond: 80 }, Medium: { perSecond: 60 }, Heavy: { perSecond: 40, perDay: 60_000 } },
  unlimited: undefined,
};

export function isPlan(value: string): value is Plan {
  return (PLANS as readonly string[]).includes(value);
}
