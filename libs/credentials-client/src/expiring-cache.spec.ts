import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  let now = 0;
  let lookups = 0;
  const cache = new ExpiringCache<{ owner: string; lookup: number }>(1000, () => now);
  const lookUp = (owner: string) => async () => ({ owner, lookup: ++lookups });

  beforeEach(() => {
    now = 0;
    lookups = 0;
  });

  it('keeps a value for its time to live, then looks it up again', async () => {
    expect(await cache.get('a', lookUp('x'))).toEqual({ owner: 'x', lookup: 1 });
    now = 999;
    expect(await cache.get('a', lookUp('x'))).toEqual({ owner: 'x', lookup: 1 });
    now = 1000;
    expect(await cache.get('a', lookUp('x'))).toEqual({ owner: 'x', lookup: 2 });
  });

  it('keeps each value as long as the value itself says, when told so', async () => {
    const tokens = new ExpiringCache<{ expiresAt: number }>(
      (token) => token.expiresAt - now,
      () => now,
    );

    expect(await tokens.get('t', async () => ({ expiresAt: 500 }))).toEqual({ expiresAt: 500 });
    now = 499;
    expect(await tokens.get('t', async () => ({ expiresAt: 2000 }))).toEqual({ expiresAt: 500 });
    now = 500;
    expect(await tokens.get('t', async () => ({ expiresAt: 2000 }))).toEqual({ expiresAt: 2000 });
    tokens.forgetKey('t');
    expect(await tokens.get('t', async () => ({ expiresAt: 3000 }))).toEqual({ expiresAt: 3000 });
  });

  it('shares one lookup between concurrent callers', async () => {
    const values = await Promise.all([cache.get('b', lookUp('x')), cache.get('b', lookUp('x')), cache.get('b', lookUp('x'))]);

    expect(values.map((value) => value.lookup)).toEqual([1, 1, 1]);
  });

  it('keeps no failure: the next caller asks again', async () => {
    await expect(cache.get('c', () => Promise.reject(new Error('unavailable')))).rejects.toThrow('unavailable');

    expect(await cache.get('c', lookUp('x'))).toEqual({ owner: 'x', lookup: 1 });
  });

  it('forgets the values that match at once, and keeps the others', async () => {
    await cache.get('d', lookUp('changed'));
    await cache.get('e', lookUp('unchanged'));

    cache.forget((value) => value.owner === 'changed');

    expect((await cache.get('d', lookUp('changed'))).lookup).toBe(3);
    expect((await cache.get('e', lookUp('unchanged'))).lookup).toBe(2);
  });

  it('forgets a lookup still in flight: it may have read what changed', async () => {
    let finish: (value: { owner: string; lookup: number }) => void = () => undefined;
    const inFlight = cache.get('f', () => new Promise((resolve) => (finish = resolve)));

    cache.forget(() => false);
    finish({ owner: 'x', lookup: 0 });
    await inFlight;

    expect((await cache.get('f', lookUp('x'))).lookup).toBe(1);
  });
});
