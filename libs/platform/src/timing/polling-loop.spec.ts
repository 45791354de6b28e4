import { createLogger } from '../logging/create-logger';
import { PollingLoop } from './polling-loop';

describe('PollingLoop', () => {
  it('runs its work again and again, past a failing round, and stops after the round in progress', async () => {
    const rounds: number[] = [];
    let release: () => void = () => undefined;
    const fourth = new Promise<void>((resolve) => (release = resolve));
    const loop = new PollingLoop({
      everyMs: 1,
      what: 'test loop',
      log: createLogger('polling-loop-test', 'silent'),
      work: async () => {
        rounds.push(rounds.length + 1);
        if (rounds.length === 2) {
          throw new Error('a failing round');
        }
        if (rounds.length === 4) {
          release();
        }
      },
    });

    loop.start();
    await fourth;
    await loop.stop();
    const stoppedAt = rounds.length;
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(stoppedAt).toBeGreaterThanOrEqual(4);
    expect(rounds).toHaveLength(stoppedAt);
  });
});
