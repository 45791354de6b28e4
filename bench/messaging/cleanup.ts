import { progress } from './progress';

/** Undo steps registered as things are created, run in reverse order, each even when another failed. */
export class Cleanup {
  private readonly steps: { what: string; undo: () => unknown }[] = [];

  add(what: string, undo: () => unknown): void {
    this.steps.push({ what, undo });
  }

  /** Returns whether every step succeeded. */
  async run(): Promise<boolean> {
    let clean = true;
    for (const { what, undo } of this.steps.splice(0).reverse()) {
      try {
        await undo();
      } catch (error) {
        clean = false;
        progress(`cleanup: could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return clean;
  }
}
