import { pauseWithHeartbeat, ProcessingInterrupted } from './pause-with-heartbeat';

describe('pauseWithHeartbeat', () => {
  it('heartbeats during a long pause', async () => {
    const heartbeat = jest.fn(async () => undefined);
    await pauseWithHeartbeat(1_100, heartbeat, () => false);
    expect(heartbeat.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('gives up when the consumer stops', async () => {
    let stopping = false;
    const heartbeat = jest.fn(async () => {
      stopping = true;
    });
    await expect(pauseWithHeartbeat(60_000, heartbeat, () => stopping)).rejects.toBeInstanceOf(ProcessingInterrupted);
  });

  it('lets a failed heartbeat (a rebalance) end the pause', async () => {
    const rebalance = new Error('The group is rebalancing');
    await expect(
      pauseWithHeartbeat(
        60_000,
        () => Promise.reject(rebalance),
        () => false,
      ),
    ).rejects.toBe(rebalance);
  });
});
