import { performance } from 'node:perf_hooks';
import { createZoomSandbox, ZoomSandbox } from '../src';
import { waitFor } from './support/wait-for';
import { WebhookReceiver } from './support/webhook-receiver';
import { adminRequest, getApi, mintToken, requestToken } from './support/zoom-client';

describe('fault injection', () => {
  let receiver: WebhookReceiver;
  let sandbox: ZoomSandbox;
  let token: string;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    sandbox = await createZoomSandbox({ users: 30, plan: 'business', webhookUrl: receiver.url, webhookSecret: 'faults-secret' });
    token = await mintToken(sandbox);
  });

  afterEach(() => sandbox.faults.clear());

  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });

  const idOf = (object: unknown): string => (object as { id: string }).id;
  const receivedIds = (): string[] => receiver.events('user.created').map((request) => idOf(request.body.payload.object));

  it('delays responses (the answer never comes sooner than the injected latency)', async () => {
    const response = await adminRequest(sandbox, 'POST', '/sandbox/faults', { kind: 'latency', ms: 300, count: 1 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: expect.any(Number), kind: 'latency', ms: 300, remaining: 1 });
    const started = performance.now();
    expect((await getApi(sandbox, '/users', token)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
    expect(sandbox.faults.list()).toEqual([]);
  });

  it('answers a burst of 5xx, JSON for 500 and a gateway page for 502-504, then recovers', async () => {
    sandbox.faults.inject({ kind: 'server-error', count: 2, status: 503 });
    const first = await getApi(sandbox, '/users', token);
    expect(first.status).toBe(503);
    expect(first.headers.get('content-type')).toBe('text/html');
    expect(first.body).toContain('503 Service Temporarily Unavailable');
    expect((await getApi(sandbox, '/users/summary', token)).status).toBe(503);
    expect((await getApi(sandbox, '/users', token)).status).toBe(200);

    sandbox.faults.inject({ kind: 'server-error', count: 1 });
    expect(await getApi(sandbox, '/users', token)).toMatchObject({ status: 500, body: { code: 500, message: 'Internal Server Error' } });
  });

  it('answers a burst of 429 with full, partial or no rate-limit headers', async () => {
    sandbox.faults.inject({ kind: 'rate-limit', count: 1 });
    const full = await getApi(sandbox, '/users', token);
    expect(full).toMatchObject({ status: 429, body: { code: 429, message: expect.stringContaining('per-second') } });
    expect([
      full.headers.get('x-ratelimit-category'),
      full.headers.get('x-ratelimit-type'),
      full.headers.get('x-ratelimit-limit'),
      full.headers.get('retry-after'),
    ]).toEqual(['Medium', 'QPS', '60', '1']);

    sandbox.faults.inject({ kind: 'rate-limit', count: 1, limitType: 'Daily-limit', headers: 'partial' });
    const partial = await getApi(sandbox, `/users/${sandbox.population.users()[0].id}`, token);
    expect(partial.status).toBe(429);
    expect(partial.headers.get('x-ratelimit-category')).toBe('Light');
    expect(partial.headers.get('x-ratelimit-type')).toBe('Daily-limit');
    expect(partial.headers.get('retry-after')).toBeNull();

    sandbox.faults.inject({ kind: 'rate-limit', count: 1, headers: 'none' });
    const bare = await getApi(sandbox, '/users', token);
    expect(bare.status).toBe(429);
    expect(bare.headers.get('x-ratelimit-type')).toBeNull();
    expect((await getApi(sandbox, '/users', token)).status).toBe(200);
  });

  it('targets token minting with pathPrefix /oauth/, leaving the API alone', async () => {
    sandbox.faults.inject({ kind: 'server-error', count: 1, status: 502, pathPrefix: '/oauth/' });
    expect((await getApi(sandbox, '/users', token)).status).toBe(200);
    const account = sandbox.accounts[0];
    expect((await requestToken(sandbox, { ...account.apps[0], accountId: account.accountId })).status).toBe(502);
    expect((await requestToken(sandbox, { ...account.apps[0], accountId: account.accountId })).status).toBe(200);
  });

  it('holds an answer built before a change until the faults are cleared: it shows the user as it was', async () => {
    const user = sandbox.population.users('active')[5];
    sandbox.faults.inject({ kind: 'hold-answers', count: 1, pathPrefix: `/v2/users/${user.id}` });
    const held = getApi(sandbox, `/users/${user.id}`, token);
    await waitFor(() => sandbox.state().heldAnswers === 1, 'the answer to be built and held');

    sandbox.admin.updateUser(user.id, { dept: 'Changed While Held' });
    expect((await getApi(sandbox, `/users/${user.id}`, token)).body).toMatchObject({ dept: 'Changed While Held' });
    sandbox.faults.clear();

    expect(await held).toMatchObject({ status: 200, body: { id: user.id, dept: user.dept } });
    expect(sandbox.state().heldAnswers).toBe(0);
  });

  it('drops webhooks: never sent, logged as dropped', async () => {
    sandbox.faults.inject({ kind: 'drop-webhooks', count: 1 });
    const dropped = sandbox.admin.createUser({ email: 'dropped@example.com' });
    const kept = sandbox.admin.createUser({ email: 'kept@example.com' });
    expect(dropped.delivery.state).toBe('dropped');
    await waitFor(() => receivedIds().includes(kept.user.id as string), 'the kept webhook');
    expect(receivedIds()).not.toContain(dropped.user.id);
    expect(sandbox.state().accounts[0].deliveries?.find((delivery) => delivery.id === dropped.delivery.id)).toMatchObject({
      state: 'dropped',
      attempts: [],
    });
  });

  it('duplicates webhooks: the same body arrives twice', async () => {
    sandbox.faults.inject({ kind: 'duplicate-webhooks', count: 1 });
    const { user, delivery } = sandbox.admin.createUser({ email: 'twice@example.com' });
    const copies = await waitFor(() => {
      const arrived = receiver.events('user.created').filter((request) => idOf(request.body.payload.object) === user.id);
      return arrived.length === 2 && arrived;
    }, 'two copies');
    expect(copies[0].rawBody).toBe(copies[1].rawBody);
    expect(
      sandbox.state().accounts[0].deliveries?.filter((each) => each.id === delivery.id || each.duplicateOf === delivery.id),
    ).toHaveLength(2);
  });

  it('reorders webhooks: a batch is held, then sent last first', async () => {
    sandbox.faults.inject({ kind: 'reorder-webhooks', count: 3 });
    const created = ['first', 'second', 'third'].map((name) => sandbox.admin.createUser({ email: `${name}.reordered@example.com` }));
    expect(created.slice(0, 2).every((result) => result.delivery.state === 'held')).toBe(true);
    const ids = created.map((result) => result.user.id as string);
    const arrived = await waitFor(() => {
      const order = receivedIds().filter((id) => ids.includes(id));
      return order.length === 3 && order;
    }, 'the reordered batch');
    expect(arrived).toEqual([...ids].reverse());
  });

  it('sends held webhooks when the faults are cleared', async () => {
    sandbox.faults.inject({ kind: 'reorder-webhooks', count: 5 });
    const { user } = sandbox.admin.createUser({ email: 'held@example.com' });
    expect((await adminRequest(sandbox, 'DELETE', '/sandbox/faults')).status).toBe(204);
    await waitFor(() => receivedIds().includes(user.id as string), 'the released webhook');
  });

  it('lists faults and refuses malformed ones', async () => {
    sandbox.faults.inject({ kind: 'server-error', count: 3 });
    expect((await adminRequest<unknown[]>(sandbox, 'GET', '/sandbox/faults')).body).toEqual([
      expect.objectContaining({ kind: 'server-error', remaining: 3 }),
    ]);
    expect(await adminRequest(sandbox, 'POST', '/sandbox/faults', { kind: 'server-error' })).toMatchObject({ status: 400 });
    expect(await adminRequest(sandbox, 'POST', '/sandbox/faults', { kind: 'earthquake', count: 1 })).toMatchObject({ status: 400 });
    expect(await adminRequest(sandbox, 'POST', '/sandbox/faults', { kind: 'server-error', count: 1, status: 418 })).toMatchObject({
      status: 400,
    });
    expect(sandbox.faults.list()).toHaveLength(1);
  });

  it('leaves the admin API alone', async () => {
    sandbox.faults.inject({ kind: 'server-error', count: 1, pathPrefix: '/' });
    expect((await adminRequest(sandbox, 'GET', '/sandbox/state?users=false')).status).toBe(200);
    expect((await getApi(sandbox, '/users', token)).status).toBe(500);
  });
});
