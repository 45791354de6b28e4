/** Wakes every sleeping worker at once; a ring while a worker was busy wakes its next sleep at once. */
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
