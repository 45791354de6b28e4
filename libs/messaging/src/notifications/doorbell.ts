/**
 * Wakes sleeping workers: every one (ring) or one of them (wakeOne). A worker that was busy during
 * a ring does not sleep its next sleep, so no ring goes unheard; a wakeOne that finds nobody asleep
 * is kept for the next worker about to sleep, and for that one only: a worker that was busy looks
 * again anyway, so one more look covers whatever the wake announced.
 */
export class Doorbell {
  private rings = 0;
  private wakeKept = false;
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
    const [first] = this.sleepers;
    if (first) {
      first();
    } else {
      this.wakeKept = true;
    }
  }

  sleep(ms: number, heard: number): Promise<void> {
    if (this.rings !== heard || this.wakeKept) {
      this.wakeKept = false;
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
