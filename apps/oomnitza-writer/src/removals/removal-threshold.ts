/**
 * The most people one run, or an hour of webhooks, may mark removed or deactivated at once:
 * `percent` of the synced users, never fewer than `minimum`. More than that is held.
 */
export function removalThreshold(syncedUsers: number, percent: number, minimum: number): number {
  return Math.max(Math.floor((syncedUsers * percent) / 100), minimum);
}
