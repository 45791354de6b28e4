/** The share of the synced users that turns the breaker off. */
const BREAKER_OFF_PERCENT = 100;

/**
 * The most people one run, or an hour of webhooks, may mark removed or deactivated at once:
 * `percent` of the synced users, never fewer than `minimum`. More than that is held. At 100 %
 * nothing is ever held: the synced users shrink as an hour's removals are marked, so a share of
 * them would still trip the breaker.
 */
export function removalThreshold(syncedUsers: number, percent: number, minimum: number): number {
  if (percent >= BREAKER_OFF_PERCENT) {
    return Number.POSITIVE_INFINITY;
  }
  return Math.max(Math.floor((syncedUsers * percent) / 100), minimum);
}

/** Whether `removals` could exceed the threshold at all: a count of the synced users can then tell, and is needed. */
export function mayExceedThreshold(removals: number, percent: number, minimum: number): boolean {
  return percent < BREAKER_OFF_PERCENT && removals > minimum;
}
