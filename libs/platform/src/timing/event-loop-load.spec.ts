import { EventLoopLoad } from './event-loop-load';

describe('EventLoopLoad', () => {
  it('measures a blocked loop as busy and a waiting one as idle', async () => {
    const load = new EventLoopLoad();

    const blocked = load.measure();
    const until = Date.now() + 100;
    while (Date.now() < until) {
      // holds the thread, as a long synchronous task does
    }
    const busyShare = blocked();

    const waiting = load.measure();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const idleShare = waiting();

    expect(busyShare).toBeGreaterThan(0.9);
    expect(idleShare).toBeLessThan(0.5);
  });
});
