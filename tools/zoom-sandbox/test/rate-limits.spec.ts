import { createZoomSandbox, ManualClock, ZoomSandbox } from '../src';
import { getApi, mintToken } from './support/zoom-client';

const QPS_MESSAGE = 'You have reached the maximum per-second rate limit for this API. Try again later.';

describe('rate limits per Zoom account and category', () => {
  const clock = new ManualClock(Date.UTC(2025, 8, 9, 10, 0, 0, 0));
  let sandbox: ZoomSandbox;
  let userId: string;

  beforeAll(async () => {
    sandbox = await createZoomSandbox({
      clock,
      accounts: [
        { accountId: 'free-account', plan: 'free', users: 50, apps: [{}, {}] },
        { accountId: 'other-free-account', plan: 'free', users: 50 },
        { accountId: 'business-account', plan: 'business', users: 50 },
        { accountId: 'switching-account', plan: 'free', users: 50 },
        { accountId: 'quiet-account', plan: 'free', users: 50, apps: [{}, { scopes: ['meeting:read:admin'] }] },
      ],
    });
    userId = sandbox.population.users('active')[1].id;
  });

  afterAll(() => sandbox.close());

  beforeEach(() => clock.advance(60_000));

  it('answers the call past the per-second limit with 429 and Zoom’s body and headers, then lets calls through the next second', async () => {
    const token = await mintToken(sandbox, 2);
    for (let call = 0; call < 60; call += 1) {
      expect((await getApi(sandbox, '/users', token)).status).toBe(200);
    }
    const limited = await getApi(sandbox, '/users', token);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: 429, message: QPS_MESSAGE });
    expect(
      Object.fromEntries(
        ['x-ratelimit-category', 'x-ratelimit-type', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'retry-after'].map((name) => [
          name,
          limited.headers.get(name),
        ]),
      ),
    ).toEqual({
      'x-ratelimit-category': 'Medium',
      'x-ratelimit-type': 'QPS',
      'x-ratelimit-limit': '60',
      'x-ratelimit-remaining': '0',
      'retry-after': '1',
    });
    clock.advance(1000);
    expect((await getApi(sandbox, '/users', token)).status).toBe(200);
  });

  it('reports the remaining budget on successful calls', async () => {
    const token = await mintToken(sandbox, 2);
    const first = await getApi(sandbox, `/users/${sandbox.accounts[2].population.users()[0].id}`, token);
    expect(first.headers.get('x-ratelimit-category')).toBe('Light');
    expect(first.headers.get('x-ratelimit-limit')).toBe('80');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('79');
  });

  it('keeps one budget per category: list users (Medium) exhausted, get user (Light) still served', async () => {
    const token = await mintToken(sandbox);
    expect((await getApi(sandbox, '/users', token)).status).toBe(200);
    expect((await getApi(sandbox, '/users/summary', token)).status).toBe(200);
    expect((await getApi(sandbox, '/users', token)).status).toBe(429);
    for (let call = 0; call < 4; call += 1) {
      expect((await getApi(sandbox, `/users/${userId}`, token)).status).toBe(200);
    }
    const limited = await getApi(sandbox, `/users/${userId}`, token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-category')).toBe('Light');
  });

  it('shares an account’s budget between its apps, and not with other accounts', async () => {
    const firstApp = await mintToken(sandbox, 0, 0);
    const secondApp = await mintToken(sandbox, 0, 1);
    const otherAccount = await mintToken(sandbox, 1);
    expect((await getApi(sandbox, '/users', firstApp)).status).toBe(200);
    expect((await getApi(sandbox, '/users', secondApp)).status).toBe(200);
    expect((await getApi(sandbox, '/users', firstApp)).status).toBe(429);
    expect((await getApi(sandbox, '/users', secondApp)).status).toBe(429);
    expect((await getApi(sandbox, '/users', otherAccount)).status).toBe(200);
  });

  it('enforces the free plan’s daily limit until 00:00 UTC, announced in Retry-After', async () => {
    clock.set(Date.UTC(2025, 8, 10, 0, 0, 0));
    const token = await mintToken(sandbox, 1);
    for (let call = 0; call < 2000; call += 1) {
      if (call % 2 === 0) {
        clock.advance(1000);
      }
      const response = await getApi(sandbox, '/users/summary', token);
      expect(response.status).toBe(200);
      if (call === 1999) {
        expect(response.headers.get('x-ratelimit-type')).toBe('Daily-limit');
        expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
      }
    }
    clock.advance(1000);
    const limited = await getApi(sandbox, '/users', token);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      code: 429,
      message:
        'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
    });
    expect(limited.headers.get('x-ratelimit-type')).toBe('Daily-limit');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('2000');
    expect(limited.headers.get('retry-after')).toBe('2025-09-11T00:00:00Z');
    clock.set(Date.UTC(2025, 8, 11, 0, 0, 0));
    expect((await getApi(sandbox, '/users', await mintToken(sandbox, 1))).status).toBe(200);
  });

  it('does not count the calls it refuses (missing scope, over the per-second limit)', async () => {
    const withoutScope = await mintToken(sandbox, 4, 1);
    for (let call = 0; call < 5; call += 1) {
      expect((await getApi(sandbox, '/users', withoutScope)).status).toBe(400);
    }
    const token = await mintToken(sandbox, 4);
    expect((await getApi(sandbox, '/users', token)).headers.get('x-ratelimit-remaining')).toBe('1999');
    expect((await getApi(sandbox, '/users', token)).headers.get('x-ratelimit-remaining')).toBe('1998');
    for (let call = 0; call < 3; call += 1) {
      expect((await getApi(sandbox, '/users', token)).status).toBe(429);
    }
    clock.advance(1000);
    expect((await getApi(sandbox, '/users', token)).headers.get('x-ratelimit-remaining')).toBe('1997');
  });

  it('can switch an account to another plan', async () => {
    sandbox.accounts[3].admin.setPlan('unlimited');
    const token = await mintToken(sandbox, 3);
    for (let call = 0; call < 100; call += 1) {
      expect((await getApi(sandbox, '/users', token)).status).toBe(200);
    }
    expect((await getApi(sandbox, '/users', token)).headers.get('x-ratelimit-category')).toBeNull();
    expect(sandbox.accounts[3].plan).toBe('unlimited');
  });
});
