/**
 * Shared by the test handlers and the test: decides how a label behaves and records what the
 * handlers saw. Lives outside the apps, so it survives restarts within a test file.
 */
export class HandlerProbe {
  /** Labels whose handler throws a transient error on every attempt. */
  readonly failing = new Set<string>();
  /** Labels whose handler throws PermanentMessageError. */
  readonly rejected = new Set<string>();
  /** Handler attempts per label. */
  readonly attempts = new Map<string, number>();
  /** The labels of each array a batch handler received, in call order. */
  readonly batches: string[][] = [];

  private gate?: { label: string; reached: () => void; opened: Promise<void>; open: () => void };
  private gateReached?: Promise<void>;

  /** The handler of `label` will wait inside its transaction until `openGate()`. */
  closeGateAt(label: string): Promise<void> {
    let reached!: () => void;
    let open!: () => void;
    this.gateReached = new Promise((resolve) => (reached = resolve));
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.gate = { label, reached, opened, open };
    return this.gateReached;
  }

  openGate(): void {
    this.gate?.open();
  }

  async attempt(label: string): Promise<void> {
    this.attempts.set(label, (this.attempts.get(label) ?? 0) + 1);
    if (this.gate?.label === label) {
      this.gate.reached();
      await this.gate.opened;
    }
  }
}
