import { parseRetryAfterMs } from '@zoom-oomnitza-sync/platform';

/**
 * How long to wait before attempt `attempt + 1`: Retry-After when Oomnitza sends one (seconds or
 * an HTTP date), else exponential backoff from `baseMs`; never longer than `maxMs`, so one
 * integration's writes never stop for longer than the writer is configured to tolerate.
 */
export function retryDelayMs(attempt: number, retryAfter: string | null, baseMs: number, maxMs: number, now = Date.now()): number {
  const backoff = Math.min(30_000, baseMs * 2 ** (attempt - 1));
  return Math.min(maxMs, parseRetryAfterMs(retryAfter, now) ?? backoff);
}
