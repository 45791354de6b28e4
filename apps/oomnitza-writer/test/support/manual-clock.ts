import { Clock } from '../../src/timing/clock';

/** The writer's time, moved only by the test. */
export class ManualClock extends Clock {
  private current = Date.now();

  override now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
