import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import {
  addIntegration,
  IntegrationSetup,
  LocalStack,
  oomnitzaPeople,
  OomnitzaInstance,
  runSync,
  startLocalStack,
  subscribeLocalStack,
  waitForPerson,
  waitForWebhookFanOut,
  ZoomSandboxAccount,
  zoomSandboxAdmin,
} from '@zoom-oomnitza-sync/local-platform';
import { waitFor } from '@zoom-oomnitza-sync/testing';
import { ZoomUser } from '@zoom-oomnitza-sync/zoom-sandbox';

/** The longest latency the Oomnitza sandbox holds a request for; the test releases it sooner, by clearing the faults. */
const HELD_LONGEST_MS = 60_000;

describe('Zoom webhooks alongside full syncs and other integrations', () => {
  let stack: LocalStack;
  let zoom: ZoomSandboxAccount;
  /** A second integration of the same Zoom credential, writing to an Oomnitza of its own. */
  let other: { setup: IntegrationSetup; oomnitza: OomnitzaSandbox };
  const taken = new Set<string>();

  beforeAll(async () => {
    stack = await startLocalStack({ users: 60, plan: 'business' });
    const oomnitza = await createOomnitzaSandbox();
    const setup = await addIntegration({
      tenantId: stack.setup.tenantId,
      adminKey: stack.deployment.adminKey,
      credentials: stack.services.get('credentials')!,
      scheduler: stack.scheduler,
      zoomCredentialId: stack.setup.zoomCredentialId,
      oomnitza: { url: oomnitza.url, token: oomnitza.token, adminKey: oomnitza.adminKey },
      oomnitzaRoleId: 25,
      name: 'Second Oomnitza',
    });
    other = { setup, oomnitza };
    for (const integration of [stack.setup, setup]) {
      expect(await runSync(stack.scheduler, integration.schedulerKey, integration.integrationId)).toMatchObject({ status: 'completed' });
    }
    ({ zoom } = await subscribeLocalStack(stack));
    await waitForWebhookFanOut(stack.deployment, [setup.integrationId]);
  });

  afterAll(async () => {
    await stack?.stop();
    await other?.oomnitza.close();
  });

  function freshActiveUsers(count: number): Readonly<ZoomUser>[] {
    const owner = stack.zoom.population.users()[0];
    const users = stack.zoom.population
      .users('active')
      .filter((user) => user.id !== owner.id && !taken.has(user.email) && user.first_name.trim() && user.last_name.trim())
      .slice(0, count);
    if (users.length < count) {
      throw new Error(`only ${users.length} fresh active users left in the Zoom sandbox`);
    }
    users.forEach((user) => taken.add(user.email));
    return users;
  }

  const deptField = () => stack.setup.fieldTargets.dept;
  const deptIn = async (oomnitza: OomnitzaInstance, setup: IntegrationSetup, email: string) =>
    (await oomnitzaPeople(oomnitza)).get(email.toLowerCase())?.[setup.fieldTargets.dept];

  async function oomnitzaFaults(oomnitza: OomnitzaSandbox, method: 'GET' | 'PUT', settings?: unknown) {
    const response = await fetch(`${oomnitza.url}/sandbox/faults`, {
      method,
      headers: { 'x-sandbox-admin-key': oomnitza.adminKey, 'content-type': 'application/json' },
      body: settings === undefined ? undefined : JSON.stringify(settings),
    });
    if (!response.ok) {
      throw new Error(`the Oomnitza sandbox's faults answered ${response.status}: ${await response.text()}`);
    }
    return (await response.json()) as { held: { latency: number } };
  }

  it('keeps a webhook change that a full-sync page read before it would undo', async () => {
    const [user] = freshActiveUsers(1);
    // Zoom builds the first page of the sync now, with the user as it is, and hands it over only when told.
    await zoomSandboxAdmin(zoom, 'POST', '/sandbox/faults', { kind: 'hold-answers', count: 1, pathPrefix: '/v2/users' });
    const run = runSync(stack.scheduler, stack.setup.schedulerKey, stack.setup.integrationId);
    await waitFor(() => stack.zoom.state().heldAnswers === 1, { timeoutMs: 60_000, description: 'the first page to be read and held' });

    // An update keeps the user in the active pass, so no later page of the sync shows the change.
    await zoomSandboxAdmin(zoom, 'PATCH', `/sandbox/users/${user.id}`, { dept: 'Changed During The Sync' });
    await waitForPerson(stack.oomnitza, user.email, (person) => person[deptField()] === 'Changed During The Sync', {
      description: 'to have the department the webhook brought',
    });
    await zoomSandboxAdmin(zoom, 'DELETE', '/sandbox/faults');

    expect(await run).toMatchObject({ status: 'completed', failed: 0 });
    expect((await oomnitzaPeople(stack.oomnitza)).get(user.email.toLowerCase())?.[deptField()]).toBe('Changed During The Sync');
  });

  it("writes one integration's webhook changes while another integration's Oomnitza holds its writes", async () => {
    const [first, ...later] = freshActiveUsers(6);
    await oomnitzaFaults(other.oomnitza, 'PUT', { latency: { fixedMs: HELD_LONGEST_MS } });
    await zoomSandboxAdmin(zoom, 'PATCH', `/sandbox/users/${first.id}`, { dept: 'Slow Lane 0' });
    await waitFor(async () => (await oomnitzaFaults(other.oomnitza, 'GET')).held.latency > 0, {
      timeoutMs: 60_000,
      description: "the slow Oomnitza to be holding the other integration's write",
    });

    for (const [index, user] of later.entries()) {
      await zoomSandboxAdmin(zoom, 'PATCH', `/sandbox/users/${user.id}`, { dept: `Slow Lane ${index + 1}` });
    }
    for (const [index, user] of [first, ...later].entries()) {
      await waitForPerson(stack.oomnitza, user.email, (person) => person[stack.setup.fieldTargets.dept] === `Slow Lane ${index}`, {
        description: 'to have its new department',
      });
    }

    expect((await oomnitzaFaults(other.oomnitza, 'GET')).held.latency).toBeGreaterThan(0);
    for (const user of later) {
      expect(await deptIn(other.oomnitza, other.setup, user.email)).not.toMatch(/^Slow Lane/);
    }
    await oomnitzaFaults(other.oomnitza, 'PUT', {});
    for (const [index, user] of [first, ...later].entries()) {
      await waitForPerson(other.oomnitza, user.email, (person) => person[other.setup.fieldTargets.dept] === `Slow Lane ${index}`, {
        description: 'to catch up once its Oomnitza answers',
      });
    }
  });
});
