import { createLogger } from '@zoom-oomnitza-sync/platform';
import { PeriodicPurge } from './periodic-purge';
import { PeriodicTask } from './periodic-task';

const INTERVAL_MS = 1000;

class CountedRounds extends PeriodicTask {
  rounds = 0;
  failNext = false;
  /** While set, a round waits for it to resolve. */
  holding?: Promise<void>;

  constructor() {
    super(createLogger('messaging-test', 'silent'), INTERVAL_MS, 'the round failed');
  }

  protected async round(): Promise<void> {
    this.rounds += 1;
    await this.holding;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('the database is away');
    }
  }
}

class CountedPurge extends PeriodicPurge {
  purged = 0;

  constructor() {
    super(createLogger('messaging-test', 'silent'), 'test rows', INTERVAL_MS);
  }

  async purge(): Promise<number> {
    this.purged += 1;
    return 3;
  }
}

describe('PeriodicTask: work a replica repeats on its own', () => {
  beforeEach(() => jest.useFakeTimers());

  afterEach(() => jest.useRealTimers());

  it('runs a round at startup and one every interval, until the module is destroyed', async () => {
    const task = new CountedRounds();

    task.onApplicationBootstrap();
    expect(task.rounds).toBe(1);
    await jest.advanceTimersByTimeAsync(2 * INTERVAL_MS);
    expect(task.rounds).toBe(3);

    task.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(5 * INTERVAL_MS);
    expect(task.rounds).toBe(3);
  });

  it('tries again at the next interval after a round fails', async () => {
    const task = new CountedRounds();
    task.failNext = true;

    task.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(INTERVAL_MS);

    expect(task.rounds).toBe(2);
    task.onModuleDestroy();
  });

  it('starts no round while the previous one still runs (a VACUUM longer than the interval)', async () => {
    const task = new CountedRounds();
    let finish = () => {};
    task.holding = new Promise<void>((resolve) => (finish = resolve));

    task.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(3 * INTERVAL_MS);
    expect(task.rounds).toBe(1);

    task.holding = undefined;
    finish();
    await jest.advanceTimersByTimeAsync(INTERVAL_MS);
    expect(task.rounds).toBe(2);
    task.onModuleDestroy();
  });

  it('gives a retention task the same rounds: purge() at startup and every interval', async () => {
    const purge = new CountedPurge();

    purge.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(INTERVAL_MS);

    expect(purge.purged).toBe(2);
    purge.onModuleDestroy();
  });
});
