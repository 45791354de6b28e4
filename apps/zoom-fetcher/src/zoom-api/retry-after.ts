import { parseRetryAfterMs } from '@zoom-oomnitza-sync/platform';

/**
 * Zoom's Retry-After is seconds for per-second limits and an ISO time (the 00:00 UTC reset) for
 * daily ones; some 429s lack it, so fall back to one second, or to the next reset for daily limits.
 */
export function retryAfterMs(header: string | null, dailyLimit: boolean, now = new Date()): number {
  const asked = parseRetryAfterMs(header, now.getTime());
  if (asked !== undefined) {
    return asked;
  }
  if (!dailyLimit) {
    return 1000;
  }
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime();
}
