import {
  LocalStack,
  oomnitzaPeople,
  OomnitzaPerson,
  runSync,
  startLocalStack,
  subscribeLocalStack,
  waitForPerson,
  ZoomSandboxAccount,
  zoomSandboxAdmin,
  ZoomWebhookSubscription,
} from '@zoom-oomnitza-sync/local-platform';
import { waitFor } from '@zoom-oomnitza-sync/testing';
import { ChangeResult, signedWebhookHeaders, UserStatus, ZoomUser } from '@zoom-oomnitza-sync/zoom-sandbox';

const ROLE = 25;
/** The shortest the fetcher allows: a delivery captured in a test grows too old to be accepted within it. */
const WEBHOOK_MAX_AGE_SECONDS = 30;

describe('Zoom webhooks: a change made in Zoom lands in Oomnitza through all six services', () => {
  let stack: LocalStack;
  let subscription: ZoomWebhookSubscription & { zoom: ZoomSandboxAccount };
  const taken = new Set<string>();

  beforeAll(async () => {
    stack = await startLocalStack({
      users: 60,
      plan: 'business',
      serviceSettings: { ZOOM_WEBHOOK_MAX_AGE_SECONDS: String(WEBHOOK_MAX_AGE_SECONDS) },
    });
    const first = await runSync(stack.scheduler, stack.setup.schedulerKey, stack.setup.integrationId);
    expect(first).toMatchObject({ status: 'completed', failed: 0 });
    subscription = await subscribeLocalStack(stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** A user of that status whom the full sync wrote to Oomnitza and no other test has touched. */
  function freshUser(status: UserStatus): Readonly<ZoomUser> {
    const owner = stack.zoom.population.users()[0];
    const user = stack.zoom.population
      .users(status)
      .find(
        (candidate) =>
          candidate.id !== owner.id && !taken.has(candidate.email) && candidate.first_name.trim() && candidate.last_name.trim(),
      );
    if (!user) {
      throw new Error(`no ${status} user left in the Zoom sandbox`);
    }
    taken.add(user.email);
    return user;
  }

  const zoomAdmin = (method: string, path: string, body?: unknown) => zoomSandboxAdmin<ChangeResult>(subscription.zoom, method, path, body);
  const field = (name: keyof LocalStack['setup']['fieldTargets']) => stack.setup.fieldTargets[name];
  const personOf = async (email: string): Promise<OomnitzaPerson | undefined> =>
    (await oomnitzaPeople(stack.oomnitza)).get(email.toLowerCase());
  const withStatus = (email: string, status: string) =>
    waitForPerson(stack.oomnitza, email, (person) => person[field('status')] === status, { description: `to have Zoom Status ${status}` });

  /** A delivery signed as the Zoom sandbox signs, with the secret and signing time given. */
  async function deliver(body: string, secretToken: string, signedAtMs: number): Promise<Response> {
    return fetch(subscription.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedWebhookHeaders(secretToken, body, signedAtMs) },
      body,
    });
  }

  function deactivationOf(user: Readonly<ZoomUser>, eventTs: number): string {
    return JSON.stringify({
      event: 'user.deactivated',
      event_ts: eventTs,
      payload: {
        account_id: subscription.zoom.accountId,
        operator: 'admin@example.com',
        operator_id: stack.zoom.population.users()[0].id,
        object: { id: user.id, first_name: user.first_name, last_name: user.last_name, email: user.email, type: 1 },
      },
    });
  }

  /** Once a later change of another user is in Oomnitza, anything the refused delivery could have written would be too. */
  async function afterALaterChange(): Promise<void> {
    const sentinel = freshUser('active');
    await zoomAdmin('POST', `/sandbox/users/${sentinel.id}/deactivate`);
    await withStatus(sentinel.email, 'inactive');
  }

  async function expectRefused(response: Response): Promise<void> {
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 401, type: 'https://zoom-oomnitza-sync.dev/problems/webhook-refused' });
  }

  describe('every event type', () => {
    it('user.created: a user created active in Zoom becomes a person with the standard fields', async () => {
      const { user } = await zoomAdmin('POST', '/sandbox/users', {
        email: 'ada.webhook@example.com',
        first_name: 'Ada',
        last_name: 'Webhook',
        dept: 'Analytical Engines',
        action: 'custCreate',
      });

      const person = await waitForPerson(stack.oomnitza, 'ada.webhook@example.com', () => true, { description: 'to be created' });

      expect(person).toMatchObject({
        username: 'ada.webhook@example.com',
        first_name: 'Ada',
        last_name: 'Webhook',
        role: ROLE,
        [field('id')]: user.id,
        [field('status')]: 'active',
        [field('dept')]: 'Analytical Engines',
        [field('type')]: 1,
      });
    });

    it('user.updated: the changed fields change, the others stay', async () => {
      const user = freshUser('active');
      const before = await personOf(user.email);

      await zoomAdmin('PATCH', `/sandbox/users/${user.id}`, { dept: 'Webhook Research', timezone: 'Pacific/Auckland' });

      const after = await waitForPerson(stack.oomnitza, user.email, (person) => person[field('dept')] === 'Webhook Research', {
        description: 'to have the new department',
      });
      expect(after).toMatchObject({ [field('timezone')]: 'Pacific/Auckland', first_name: before?.first_name, [field('id')]: user.id });
    });

    it('user.deactivated: Zoom Status becomes inactive, the rest is kept', async () => {
      const user = freshUser('active');
      const before = await personOf(user.email);

      await zoomAdmin('POST', `/sandbox/users/${user.id}/deactivate`);

      const after = await withStatus(user.email, 'inactive');
      expect(after).toMatchObject({ first_name: before?.first_name, [field('dept')]: before?.[field('dept')], [field('id')]: user.id });
    });

    it('user.activated: an inactive user becomes active again', async () => {
      const user = freshUser('inactive');
      expect((await personOf(user.email))?.[field('status')]).toBe('inactive');

      await zoomAdmin('POST', `/sandbox/users/${user.id}/activate`);

      await withStatus(user.email, 'active');
    });

    it('user.invitation_accepted: a pending user becomes active, with the Zoom ID it had no way to show before', async () => {
      const user = freshUser('pending');
      expect(await personOf(user.email)).toMatchObject({ [field('status')]: 'pending', [field('id')]: null });

      await zoomAdmin('POST', `/sandbox/users/${user.id}/accept-invitation`);

      expect(await withStatus(user.email, 'active')).toMatchObject({ [field('id')]: user.id });
    });

    it('user.deleted: the person stays, marked deleted', async () => {
      const user = freshUser('active');

      await zoomAdmin('DELETE', `/sandbox/users/${user.id}`);

      expect(await withStatus(user.email, 'deleted')).toMatchObject({ first_name: user.first_name.trim(), [field('id')]: user.id });
    });

    it('user.disassociated: the person stays, marked disassociated', async () => {
      const user = freshUser('active');

      await zoomAdmin('POST', `/sandbox/users/${user.id}/disassociate`);

      expect(await withStatus(user.email, 'disassociated')).toMatchObject({ first_name: user.first_name.trim(), [field('id')]: user.id });
    });
  });

  describe('identity', () => {
    it('an email change updates the same person, found by Zoom ID, and never creates a second one', async () => {
      const user = freshUser('active');
      const newEmail = `renamed.${user.email}`;
      const peopleBefore = (await oomnitzaPeople(stack.oomnitza)).size;

      await zoomAdmin('PUT', `/sandbox/users/${user.id}/email`, { email: newEmail });

      const renamed = await waitForPerson(stack.oomnitza, newEmail, () => true, { description: 'to carry the new email' });
      expect(renamed).toMatchObject({ username: newEmail, [field('id')]: user.id });
      const people = await oomnitzaPeople(stack.oomnitza);
      expect(people.get(user.email.toLowerCase())).toBeUndefined();
      expect(people.size).toBe(peopleBefore);
    });
  });

  describe('deliveries that are not genuine are refused and write nothing', () => {
    it('refuses a delivery signed with another secret token', async () => {
      const target = freshUser('active');

      await expectRefused(await deliver(deactivationOf(target, Date.now()), 'a-guessed-secret-token', Date.now()));

      await afterALaterChange();
      expect((await personOf(target.email))?.[field('status')]).toBe('active');
    });

    it('refuses a delivery signed with the right secret token longer ago than the maximum age', async () => {
      const target = freshUser('active');
      const signedAt = Date.now() - (WEBHOOK_MAX_AGE_SECONDS + 60) * 1000;

      await expectRefused(await deliver(deactivationOf(target, signedAt), subscription.secretToken, signedAt));

      await afterALaterChange();
      expect((await personOf(target.email))?.[field('status')]).toBe('active');
    });

    it('refuses a genuine delivery sent again once it is old, after the user changed back', async () => {
      const target = freshUser('active');
      await zoomAdmin('POST', `/sandbox/users/${target.id}/deactivate`);
      await withStatus(target.email, 'inactive');
      const [original] = stack.zoom
        .state()
        .accounts[0].deliveries!.filter(
          (delivery) => delivery.event === 'user.deactivated' && JSON.stringify(delivery.body).includes(target.id),
        );
      const signedAt = Date.parse(original.attempts[0].at);
      await zoomAdmin('POST', `/sandbox/users/${target.id}/activate`);
      await withStatus(target.email, 'active');
      // The replay carries its original signature, so its signing time is the one it had.
      await waitFor(() => Date.now() - signedAt > (WEBHOOK_MAX_AGE_SECONDS + 1) * 1000, {
        timeoutMs: (WEBHOOK_MAX_AGE_SECONDS + 5) * 1000,
        intervalMs: 250,
        description: 'the captured delivery to be too old',
      });

      await expectRefused(await deliver(JSON.stringify(original.body), subscription.secretToken, signedAt));

      await afterALaterChange();
      expect((await personOf(target.email))?.[field('status')]).toBe('active');
    });
  });

  it('writes a duplicated delivery once', async () => {
    const user = freshUser('active');
    const updatedBefore = await updatedRecordsInOomnitza();
    await zoomAdmin('POST', '/sandbox/faults', { kind: 'duplicate-webhooks', count: 1 });

    await zoomAdmin('POST', `/sandbox/users/${user.id}/deactivate`);

    const written = await withStatus(user.email, 'inactive');
    await waitFor(
      () =>
        stack.zoom
          .state()
          .accounts[0].deliveries!.filter(
            (delivery) => delivery.event === 'user.deactivated' && JSON.stringify(delivery.body).includes(user.id),
          )
          .filter((delivery) => delivery.state === 'delivered').length === 2,
      { description: 'both copies to be delivered' },
    );
    await afterALaterChange();
    expect((await personOf(user.email))?.written_at).toBe(written.written_at);
    // The duplicated change and the later one: two records, not three.
    expect((await updatedRecordsInOomnitza()) - updatedBefore).toBe(2);
  });

  it('keeps the newer state when an older event arrives after a newer one', async () => {
    const user = freshUser('active');
    await zoomAdmin('POST', '/sandbox/faults', { kind: 'reorder-webhooks', count: 2 });

    const deactivated = await zoomAdmin('POST', `/sandbox/users/${user.id}/deactivate`);
    // Two events of one millisecond would be equally new: the deletion must come later.
    await waitFor(() => Date.now() > deactivated.delivery.eventTs, { intervalMs: 1 });
    await zoomAdmin('DELETE', `/sandbox/users/${user.id}`);

    const arrived = await waitFor(
      () => {
        const ours = stack.zoom
          .state()
          .accounts[0].deliveries!.filter((delivery) => JSON.stringify(delivery.body).includes(user.id) && delivery.state === 'delivered');
        return ours.length === 2 && ours.sort((a, b) => Date.parse(a.attempts[0].at) - Date.parse(b.attempts[0].at));
      },
      { description: 'both events to be delivered' },
    );
    expect(arrived.map((delivery) => delivery.event)).toEqual(['user.deleted', 'user.deactivated']);
    // The later change's record follows both on the integration's partition, so once it is in
    // Oomnitza both are with the writer; once the writer has nothing pending, both are decided.
    await afterALaterChange();
    await waitFor(
      async () =>
        (
          await stack.deployment.query('oomnitza-writer', 'SELECT 1 FROM pending_records WHERE integration_id = $1', [
            stack.setup.integrationId,
          ])
        ).length === 0,
      { description: "the writer's pending records to be written" },
    );

    expect((await personOf(user.email))?.[field('status')]).toBe('deleted');
  });

  /** Records Oomnitza counted as updates, over every portion of the connector. */
  async function updatedRecordsInOomnitza(): Promise<number> {
    return stack.oomnitza.state.export().runs.reduce((total, run) => total + run.updated_records_count, 0);
  }
});
