/** Stands in for platform's Pause: resolves at once and remembers how long each wait was meant to be. */
export class RecordedPause {
  readonly requestedMs: number[] = [];

  async for(ms: number): Promise<void> {
    this.requestedMs.push(ms);
  }
}
