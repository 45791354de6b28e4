import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first value the condition produces', async () => {
    let attempts = 0;
    const value = await waitFor(
      () => {
        attempts += 1;
        return attempts >= 3 ? { attempts } : undefined;
      },
      { intervalMs: 1 },
    );
    expect(value).toEqual({ attempts: 3 });
  });

  it('treats a thrown error as "not yet"', async () => {
    let attempts = 0;
    const value = await waitFor(
      async () => {
        attempts += 1;
        if (attempts < 2) {
          throw new Error('not there yet');
        }
        return 'there';
      },
      { intervalMs: 1 },
    );
    expect(value).toBe('there');
  });

  it('keeps waiting while the condition answers false or null', async () => {
    const answers = [false, null, 0];
    const value = await waitFor(() => answers.shift(), { intervalMs: 1 });
    expect(value).toBe(0);
  });

  it('gives up at the deadline, naming what it waited for and the last error', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('still broken');
        },
        { timeoutMs: 50, intervalMs: 5, description: 'the outbox to drain' },
      ),
    ).rejects.toThrow(/Timed out after 50 ms waiting for the outbox to drain; last error: still broken/);
  });

  it('describes what it waited for as things stand when time runs out', async () => {
    let attempts = 0;
    const waiting = waitFor(
      () => {
        attempts += 1;
        return false;
      },
      { timeoutMs: 30, intervalMs: 5, description: () => `a message (${attempts} attempts)` },
    );
    await expect(waiting).rejects.toThrow(/waiting for a message \(\d+ attempts\)/);
    await expect(waiting).rejects.toThrow(`waiting for a message (${attempts} attempts)`);
    expect(attempts).toBeGreaterThan(1);
  });
});
