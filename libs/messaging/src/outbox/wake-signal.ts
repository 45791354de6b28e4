/** Lets a sleeping loop be woken early; a wake-up that arrives while the loop is busy is kept. */
export class WakeSignal {
  private pending = false;
  private wakeSleeper?: () => void;

  notify(): void {
    if (this.wakeSleeper) {
      this.wakeSleeper();
    } else {
      this.pending = true;
    }
  }

  wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeSleeper = undefined;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.wakeSleeper = done;
    });
  }
}
