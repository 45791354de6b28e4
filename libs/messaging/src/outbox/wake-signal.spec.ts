import { WakeSignal } from './wake-signal';

describe('WakeSignal', () => {
  it('wakes a sleeper before its timeout', async () => {
    const signal = new WakeSignal();
    const woken = signal.wait(60_000);
    signal.notify();
    await expect(woken).resolves.toBeUndefined();
  });

  it('remembers a wake-up that came while nobody slept', async () => {
    const signal = new WakeSignal();
    signal.notify();
    await expect(signal.wait(60_000)).resolves.toBeUndefined();
  });

  it('returns after the timeout when nobody wakes it', async () => {
    const signal = new WakeSignal();
    await expect(signal.wait(5)).resolves.toBeUndefined();
  });
});
