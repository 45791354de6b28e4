/**
 * How long to wait before attempt `attempt + 1`: Retry-After when Oomnitza sends one (seconds or
 * an HTTP date), else exponential backoff from `baseMs`; never longer than `maxMs`, so one
 * integration's writes never stop for longer than the writer is configured to tolerate.
 */
export function retryDelayMs(attempt: number, retryAfter: string | null, baseMs: number, maxMs: number, now = Date.now()): number {
  const backoff = Math.min(30_000, baseMs * 2 ** (attempt - 1));
  return Math.min(maxMs, retryAfterMs(retryAfter, now) ?? backoff);
}

function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) {
    return undefined;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
