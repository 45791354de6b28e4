/**
 * Spaces requests to one Zoom account evenly so this replica stays under the account's per-second
 * limit instead of hammering into 429s (Zoom disables apps with a high error ratio).
 */
export class RequestPacer {
  private readonly nextSlot = new Map<string, number>();

  constructor(private readonly requestsPerSecond: number) {}

  async wait(account: string): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(account) ?? 0);
    this.nextSlot.set(account, slot + 1000 / this.requestsPerSecond);
    if (slot > now) {
      await new Promise((resolve) => setTimeout(resolve, slot - now));
    }
  }
}
