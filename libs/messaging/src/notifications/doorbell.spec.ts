import { Doorbell } from './doorbell';

describe('Doorbell', () => {
  it('wakes every sleeper before its timeout', async () => {
    const doorbell = new Doorbell();
    const sleepers = [doorbell.sleep(60_000, doorbell.heard), doorbell.sleep(60_000, doorbell.heard)];
    doorbell.ring();
    await expect(Promise.all(sleepers)).resolves.toEqual([undefined, undefined]);
  });

  it('does not let a worker sleep through a ring that came while it was busy', async () => {
    const doorbell = new Doorbell();
    const heard = doorbell.heard;
    doorbell.ring();
    await expect(doorbell.sleep(60_000, heard)).resolves.toBeUndefined();
  });

  it('returns after the timeout when nobody rings', async () => {
    const doorbell = new Doorbell();
    await expect(doorbell.sleep(5, doorbell.heard)).resolves.toBeUndefined();
  });

  it('wakes one sleeper at a time when asked to', async () => {
    const doorbell = new Doorbell();
    const woken: number[] = [];
    const sleepers = [1, 2, 3].map((sleeper) => doorbell.sleep(60_000, doorbell.heard).then(() => woken.push(sleeper)));
    doorbell.wakeOne();
    await sleepers[0];
    expect(woken).toEqual([1]);
    doorbell.wakeOne();
    doorbell.wakeOne();
    await Promise.all(sleepers);
    expect(woken).toEqual([1, 2, 3]);
  });

  it('lets a wakeOne that found nobody asleep wake one later look, not every worker busy at the time', async () => {
    const doorbell = new Doorbell();
    const heardByFirst = doorbell.heard;
    const heardBySecond = doorbell.heard;
    doorbell.wakeOne();

    await expect(doorbell.sleep(60_000, heardByFirst)).resolves.toBeUndefined();
    let secondWoke = false;
    const second = doorbell.sleep(60_000, heardBySecond).then(() => (secondWoke = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(secondWoke).toBe(false);
    doorbell.ring();
    await second;
    expect(secondWoke).toBe(true);
  });
});
