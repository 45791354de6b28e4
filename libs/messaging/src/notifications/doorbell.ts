/**
 * Wakes sleeping workers: every one (ring) or one of them (wakeOne). Either way a worker that was
 * busy meanwhile does not sleep its next sleep, so no ring goes unheard.
 */
export class Doorbell {
  private rings = 0;
  private readonly sleepers = new Set<() => void>();

  /** What a worker has heard so far: pass it to sleep() so a ring in between is not missed. */
  get heard(): number {
    return this.rings;
  }

  ring(): void {
    this.rings += 1;
    for (const wake of [...this.sleepers]) {
      wake();
    }
  }

  wakeOne(): void {
    this.rings += 1;
    const [first] = this.sleepers;
    first?.();
  }

  sleep(ms: number, heard: number): Promise<void> {
    if (this.rings !== heard) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
