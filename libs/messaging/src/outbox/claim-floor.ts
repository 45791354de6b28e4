/**
 * The lowest outbox id the relay's next claim reads. A published row leaves a dead entry in the
 * index of unpublished rows until VACUUM, at the low end where every claim starts: from the
 * bottom, each claim would step over every row published since the last VACUUM.
 *
 * A cycle claims in id order, so every row below the highest id it claimed that it could see was
 * claimed; only a transaction still open then can commit a lower id later. The floor therefore
 * rises to what a committed cycle reached only `lagMs` after that cycle claimed, and every
 * `sweepIntervalMs` one claim starts from the bottom: a row whose transaction stayed open longer
 * than the lag between writing it and committing is published by the next sweep, never lost.
 */
export class ClaimFloor {
  private floor = 0n;
  private readonly reached: { claimedAt: number; next: bigint }[] = [];
  private lastSweepAt: number;

  constructor(
    private readonly lagMs: number,
    private readonly sweepIntervalMs: number,
    now: number,
  ) {
    // A relay that just started has no floor yet: its first claims start from the bottom anyway.
    this.lastSweepAt = now;
  }

  /** Where a claim made now starts: 0 for a sweep. */
  from(now: number): bigint {
    if (now - this.lastSweepAt >= this.sweepIntervalMs) {
      return 0n;
    }
    while (this.reached.length > 0 && now - this.reached[0].claimedAt >= this.lagMs) {
      const { next } = this.reached.shift()!;
      this.floor = next > this.floor ? next : this.floor;
    }
    return this.floor;
  }

  /** A cycle that claimed from `from` at `claimedAt` committed, having claimed these ids. */
  committed(from: bigint, claimedIds: readonly string[], claimedAt: number): void {
    if (from === 0n) {
      this.lastSweepAt = claimedAt;
    }
    if (claimedIds.length === 0) {
      return;
    }
    const highest = claimedIds.reduce((top, id) => (BigInt(id) > top ? BigInt(id) : top), 0n);
    this.reached.push({ claimedAt, next: highest + 1n });
  }
}
