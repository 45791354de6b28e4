import { Pause } from '../../src/timing/pause';

/** Resolves at once and remembers how long each wait was meant to be. */
export class RecordedPause extends Pause {
  readonly requestedMs: number[] = [];

  override async for(ms: number): Promise<void> {
    this.requestedMs.push(ms);
  }
}
