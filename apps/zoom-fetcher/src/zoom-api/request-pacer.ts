/**
 * Zoom's rate-limit categories for the calls the fetcher makes: listing users and the summary are
 * Medium, getting one user is Light. Each category has its own per-second limit per account.
 */
export type ZoomRateCategory = 'medium' | 'light';

/**
 * Spaces requests to one Zoom account evenly, per rate-limit category, so this replica stays under
 * the account's per-second limits instead of hammering into 429s (Zoom disables apps with a high
 * error ratio).
 */
export class RequestPacer {
  private readonly nextSlot = new Map<string, number>();

  constructor(private readonly requestsPerSecond: Readonly<Record<ZoomRateCategory, number>>) {}

  async wait(account: string, category: ZoomRateCategory): Promise<void> {
    const key = `${category}:${account}`;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(key) ?? 0);
    this.nextSlot.set(key, slot + 1000 / this.requestsPerSecond[category]);
    if (slot > now) {
      await new Promise((resolve) => setTimeout(resolve, slot - now));
    }
  }
}
