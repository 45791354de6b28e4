import { createZoomSandbox, ZoomSandbox } from '../src';
import { waitFor } from './support/wait-for';
import { hasValidSignature, ReceivedWebhook, WebhookReceiver } from './support/webhook-receiver';
import { adminRequest, getApi, ListPage, mintToken, requestJson, walkPass } from './support/zoom-client';

const SECRET_TOKEN = 'admin-webhooks-secret-token';

describe('admin API: each change updates the population and sends its webhook', () => {
  let receiver: WebhookReceiver;
  let sandbox: ZoomSandbox;
  let token: string;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    sandbox = await createZoomSandbox({
      users: 60,
      seed: 11,
      plan: 'unlimited',
      accountId: 'admin-account',
      webhookUrl: receiver.url,
      webhookSecret: SECRET_TOKEN,
    });
    token = await mintToken(sandbox);
  });

  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });

  /** The webhook for `event` about `userId`, once it has arrived, checked for a valid signature. */
  async function delivered(event: string, userId: string): Promise<ReceivedWebhook> {
    const webhook = await waitFor(
      () => receiver.events(event).find((each) => (each.body.payload.object as { id: string }).id === userId),
      `${event} for ${userId}`,
    );
    expect(hasValidSignature(webhook, SECRET_TOKEN)).toBe(true);
    expect(webhook.headers['content-type']).toMatch(/^application\/json/);
    expect(Math.abs(Number(webhook.headers['x-zm-request-timestamp']) * 1000 - Date.now())).toBeLessThan(600_000);
    return webhook;
  }

  it('invites a user: pending, listed without id, announced as user.created by the account owner', async () => {
    const response = await adminRequest(sandbox, 'POST', '/sandbox/users', {
      email: 'new.hire@example.com',
      first_name: 'Zoë',
      last_name: 'Ångström',
      type: 2,
      dept: 'Legal',
    });
    expect(response.status).toBe(200);
    const created = response.body.user as Record<string, unknown>;
    expect(created).toMatchObject({
      email: 'new.hire@example.com',
      status: 'pending',
      type: 2,
      dept: 'Legal',
      display_name: 'Zoë Ångström',
    });
    const webhook = await delivered('user.created', created.id as string);
    const owner = sandbox.population.users()[0];
    expect(webhook.body).toEqual({
      event: 'user.created',
      event_ts: expect.any(Number),
      payload: {
        account_id: 'admin-account',
        operator: owner.email,
        operator_id: owner.id,
        creation_type: 'create',
        object: {
          id: created.id,
          first_name: 'Zoë',
          last_name: 'Ångström',
          display_name: 'Zoë Ångström',
          email: 'new.hire@example.com',
          type: 2,
        },
      },
    });
    const pending = (await walkPass(sandbox, token, 'status=pending&page_size=300')).flatMap((page) => page.users);
    expect(pending.find((user) => user.email === 'new.hire@example.com')).toMatchObject({ status: 'pending' });
    expect(pending.find((user) => user.email === 'new.hire@example.com')).not.toHaveProperty('id');
    await waitFor(
      () => sandbox.state().accounts[0].deliveries?.find((delivery) => delivery.event === 'user.created')?.state === 'delivered',
      'the delivery log',
    );
  });

  it('creates an active user directly with autoCreate', async () => {
    const { user } = sandbox.admin.createUser({
      email: 'auto@example.com',
      first_name: 'Auto',
      last_name: 'Created',
      action: 'autoCreate',
    });
    expect(user.status).toBe('active');
    const webhook = await delivered('user.created', user.id as string);
    expect(webhook.body.payload.creation_type).toBe('autoCreate');
    expect((await getApi(sandbox, `/users/${user.id}`, token)).body).toMatchObject({ status: 'active', email: 'auto@example.com' });
  });

  it('sends user.updated with only the changed fields and their previous values in old_object', async () => {
    const target = sandbox.population.users('active').find((user) => user.dept && user.type === 1) ?? sandbox.population.users('active')[5];
    const response = await adminRequest(sandbox, 'PATCH', `/sandbox/users/${target.id}`, {
      dept: 'Finance',
      job_title: 'Controller',
      last_name: 'Nuñez-Díaz',
    });
    expect(response.status).toBe(200);
    const webhook = await delivered('user.updated', target.id);
    expect(webhook.body.payload).toEqual({
      account_id: 'admin-account',
      operator: sandbox.population.users()[0].email,
      operator_id: sandbox.population.users()[0].id,
      object: { id: target.id, dept: 'Finance', last_name: 'Nuñez-Díaz' },
      old_object: { id: target.id, dept: target.dept ?? '', last_name: target.last_name },
      time_stamp: webhook.body.event_ts,
    });
    expect((await getApi(sandbox, `/users/${target.id}`, token)).body).toMatchObject({
      dept: 'Finance',
      job_title: 'Controller',
      last_name: 'Nuñez-Díaz',
    });
  });

  it('removes a department with null, reported as an empty string', async () => {
    const target = sandbox.population.users('active').filter((user) => user.dept)[3];
    sandbox.admin.updateUser(target.id, { dept: null });
    const webhook = await delivered('user.updated', target.id);
    expect(webhook.body.payload.object).toEqual({ id: target.id, dept: '' });
    expect((await getApi(sandbox, `/users/${target.id}`, token)).body).not.toHaveProperty('dept');
  });

  it('reports custom attributes in user.updated with integer values, as Zoom’s webhook does', async () => {
    const target = sandbox.population.users('active')[7];
    sandbox.admin.updateUser(target.id, { custom_attributes: [{ key: 'cbf_building', name: 'Building', value: '12' }] });
    const webhook = await delivered('user.updated', target.id);
    expect((webhook.body.payload.object as Record<string, unknown>).custom_attributes).toEqual([
      { key: 'cbf_building', name: 'Building', value: 12 },
    ]);
  });

  it('changes an e-mail address: user.updated carries old and new, and lookups follow', async () => {
    const target = sandbox.population.users('inactive')[0];
    const response = await adminRequest(sandbox, 'PUT', `/sandbox/users/${target.id}/email`, { email: 'renamed@example.com' });
    expect(response.status).toBe(200);
    const webhook = await delivered('user.updated', target.id);
    expect(webhook.body.payload.object).toEqual({ id: target.id, email: 'renamed@example.com' });
    expect(webhook.body.payload.old_object).toEqual({ id: target.id, email: target.email });
    expect((await getApi(sandbox, '/users/renamed@example.com', token)).body).toMatchObject({ id: target.id });
    expect((await getApi(sandbox, `/users/${target.email}`, token)).status).toBe(404);
  });

  it('deactivates and reactivates a user, moving them between the passes', async () => {
    const target = sandbox.population.users('active')[10];
    expect((await adminRequest(sandbox, 'POST', `/sandbox/users/${target.id}/deactivate`)).status).toBe(200);
    const deactivated = await delivered('user.deactivated', target.id);
    expect(deactivated.body.payload.object).toEqual({
      id: target.id,
      first_name: target.first_name,
      last_name: target.last_name,
      email: target.email,
      type: target.type === 2 ? 2 : 1,
    });
    const inactive = (await walkPass(sandbox, token, 'status=inactive&page_size=300')).flatMap((page) => page.users);
    expect(inactive.some((user) => user.id === target.id)).toBe(true);

    expect((await adminRequest(sandbox, 'POST', `/sandbox/users/${target.id}/activate`)).status).toBe(200);
    await delivered('user.activated', target.id);
    const active = (await walkPass(sandbox, token, 'status=active&page_size=300')).flatMap((page) => page.users);
    expect(active.map((user) => user.id)).toEqual(sandbox.population.users('active').map((user) => user.id));
    expect(active.some((user) => user.id === target.id)).toBe(true);
  });

  it('lets a pending user accept the invitation', async () => {
    const target = sandbox.population.users('pending')[0];
    expect((await adminRequest(sandbox, 'POST', `/sandbox/users/${encodeURIComponent(target.email)}/accept-invitation`)).status).toBe(200);
    const webhook = await delivered('user.invitation_accepted', target.id);
    expect(webhook.body.payload).toEqual({
      account_id: 'admin-account',
      object: expect.objectContaining({ id: target.id, email: target.email }),
    });
    expect((await getApi(sandbox, `/users/${target.id}`, token)).body).toMatchObject({ status: 'active', verified: 1 });
  });

  it('deletes and disassociates users: gone from the API, announced by webhook', async () => {
    const [deleted, disassociated] = sandbox.population.users('active').slice(12, 14);
    expect((await adminRequest(sandbox, 'DELETE', `/sandbox/users/${deleted.id}`)).status).toBe(200);
    expect((await adminRequest(sandbox, 'POST', `/sandbox/users/${disassociated.id}/disassociate`)).status).toBe(200);
    expect((await delivered('user.deleted', deleted.id)).body.payload.object).toMatchObject({ email: deleted.email });
    expect((await delivered('user.disassociated', disassociated.id)).body.payload.object).toMatchObject({ email: disassociated.email });
    expect((await getApi(sandbox, `/users/${deleted.id}`, token)).status).toBe(404);
    expect((await getApi(sandbox, `/users/${disassociated.email}`, token)).status).toBe(404);
    expect(sandbox.population.find(deleted.id)).toBeUndefined();
  });

  it('reports a type 4 user as type 1 in webhooks, which know only 1 and 2', async () => {
    const target = sandbox.population.users('active').find((user) => user.type === 4);
    sandbox.admin.deactivateUser(target?.id as string);
    expect(((await delivered('user.deactivated', target?.id as string)).body.payload.object as Record<string, unknown>).type).toBe(1);
  });

  it('keeps the summary in step with the changes', async () => {
    const before = (await getApi(sandbox, '/users/summary', token)).body;
    sandbox.admin.createUser({ email: 'counted@example.com', action: 'custCreate', type: 2 });
    const after = (await getApi(sandbox, '/users/summary', token)).body;
    expect(after.total_users_count).toBe((before.total_users_count as number) + 1);
    expect(after.licensed_users_count).toBe((before.licensed_users_count as number) + 1);
  });

  it('refuses what Zoom refuses and what makes no sense', async () => {
    const owner = sandbox.population.users()[0];
    const someone = sandbox.population.users('active')[20];
    expect(await adminRequest(sandbox, 'POST', '/sandbox/users', { email: someone.email.toUpperCase() })).toMatchObject({ status: 409 });
    expect(await adminRequest(sandbox, 'DELETE', `/sandbox/users/${owner.id}`)).toMatchObject({ status: 409 });
    expect(await adminRequest(sandbox, 'POST', `/sandbox/users/${someone.id}/activate`)).toMatchObject({ status: 409 });
    expect(await adminRequest(sandbox, 'PATCH', '/sandbox/users/nobody@example.com', { dept: 'IT' })).toMatchObject({ status: 404 });
    expect(await adminRequest(sandbox, 'PATCH', `/sandbox/users/${someone.id}`, { type: 3 })).toMatchObject({ status: 400 });
    expect(await adminRequest(sandbox, 'PATCH', `/sandbox/users/${someone.id}`, { favourite_colour: 'blue' })).toMatchObject({
      status: 400,
    });
    expect(await adminRequest(sandbox, 'PUT', `/sandbox/users/${someone.id}/email`, { email: 'not an address' })).toMatchObject({
      status: 400,
    });
    expect(await adminRequest(sandbox, 'POST', '/sandbox/users', undefined, 'no-such-account')).toMatchObject({ status: 404 });
    expect(sandbox.population.find(someone.id)).toEqual(someone);
  });

  it('needs the admin key', async () => {
    expect((await requestJson(`${sandbox.url}/sandbox/state`)).status).toBe(401);
    expect((await requestJson(`${sandbox.url}/sandbox/state`, { headers: { 'x-sandbox-admin-key': 'guess' } })).status).toBe(401);
    expect((await requestJson(`${sandbox.url}/sandbox/users`, { method: 'POST', body: '{"email":"x@example.com"}' })).status).toBe(401);
    expect(sandbox.population.find('x@example.com')).toBeUndefined();
  });

  it('exports the state: users (pending ones with ids), deliveries with their attempts', async () => {
    const response = await adminRequest(sandbox, 'GET', '/sandbox/state?account_id=admin-account');
    const [account] = response.body.accounts as Record<string, unknown>[];
    expect(account.accountId).toBe('admin-account');
    expect(account.users).toEqual(JSON.parse(JSON.stringify(sandbox.population.users())));
    const deliveries = account.deliveries as { event: string; attempts: { outcome: string }[]; body: unknown }[];
    expect(deliveries.length).toBeGreaterThan(0);
    expect(
      deliveries.filter((delivery) => delivery.attempts.length > 0).every((delivery) => delivery.attempts[0].outcome === 'delivered'),
    ).toBe(true);
    const light = await adminRequest(sandbox, 'GET', '/sandbox/state?users=false&deliveries=false');
    expect((light.body.accounts as Record<string, unknown>[])[0]).not.toHaveProperty('users');
  });
});

describe('admin API without a webhook subscription', () => {
  it('still changes users and logs the event as not subscribed; a subscription can be added later', async () => {
    const sandbox = await createZoomSandbox({ users: 10 });
    const receiver = await WebhookReceiver.start();
    try {
      const first = sandbox.admin.createUser({ email: 'early@example.com' });
      expect(first.delivery.state).toBe('not-subscribed');
      expect((await adminRequest(sandbox, 'PUT', '/sandbox/webhook', { url: receiver.url, secretToken: 'late-secret' })).status).toBe(204);
      const second = sandbox.admin.createUser({ email: 'late@example.com' });
      const webhook = await waitFor(() => receiver.events('user.created')[0], 'the webhook');
      expect(webhook.body.payload.object).toMatchObject({ id: second.user.id });
      expect(hasValidSignature(webhook, 'late-secret')).toBe(true);
      const page = await getApi<ListPage>(sandbox, '/users?status=pending&page_size=300', await mintToken(sandbox));
      expect(page.body.users.map((user) => user.email)).toEqual(expect.arrayContaining(['early@example.com', 'late@example.com']));
    } finally {
      await sandbox.close();
      await receiver.close();
    }
  });
});
