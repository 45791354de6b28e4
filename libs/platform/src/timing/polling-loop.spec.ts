import { createLogger } from '../logging/create-logger';
import { PollingLoop } from './polling-loop';

const log = createLogger('polling-loop-test', 'silent');

describe('PollingLoop', () => {
  it('runs its work again and again, past a failing round, and stops after the round in progress', async () => {
    const rounds: number[] = [];
    let release: () => void = () => undefined;
    const fourth = new Promise<void>((resolve) => (release = resolve));
    const loop = new PollingLoop({
      everyMs: 1,
      what: 'test loop',
      log,
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

  it('looks again at once after a round that found work, and waits after one that found none', async () => {
    let waiting = 3;
    let rounds = 0;
    const loop = new PollingLoop({
      everyMs: 60_000,
      what: 'test loop',
      log,
      work: async () => {
        rounds += 1;
        return waiting-- > 0;
      },
    });

    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await loop.stop();

    // Three rounds with work, then one that found none and waits the minute out (until stopped).
    expect(rounds).toBe(4);
  });

  it('runs as many loops side by side as it has workers', async () => {
    let inRound = 0;
    let mostInRound = 0;
    const loop = new PollingLoop({
      everyMs: 1,
      workers: 3,
      what: 'test loop',
      log,
      work: async () => {
        inRound += 1;
        mostInRound = Math.max(mostInRound, inRound);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inRound -= 1;
      },
    });

    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await loop.stop();

    expect(mostInRound).toBe(3);
  });
});
