/**
 * Zoom's Retry-After is seconds for per-second limits and an ISO time (the 00:00 UTC reset) for
 * daily ones; some 429s lack it, so fall back to one second, or to the next reset for daily limits.
 */
export function retryAfterMs(header: string | null, dailyLimit: boolean, now = new Date()): number {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) {
      return Math.max(0, seconds * 1000);
    }
    const at = Date.parse(header);
    if (Number.isFinite(at)) {
      return Math.max(0, at - now.getTime());
    }
  }
  if (!dailyLimit) {
    return 1000;
  }
  const reset = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return reset - now.getTime();
}
