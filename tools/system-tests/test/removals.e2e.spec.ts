import { IntegrationAlert, IntegrationAlertValue, MessageEnvelope } from '@zoom-oomnitza-sync/contracts';
import { PlatformDeployment, request, runSync, ServiceProcess, setUpZoomSync, ZoomSyncSetup } from '@zoom-oomnitza-sync/local-platform';
import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { readTopic, waitFor } from '@zoom-oomnitza-sync/testing';
import { createZoomSandbox, SandboxAccountHandle, ZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';

const ROLE = 25;
/** Small accounts, every user mappable (so a full sync of them is clean): one per test. */
const ACCOUNTS = [
  { users: 40, seed: 11 },
  { users: 30, seed: 12 },
];

type Person = Record<string, unknown>;

describe('users gone from Zoom, through all the services: marked after a clean full sync, or held when too many', () => {
  let deployment: PlatformDeployment;
  let zoom: ZoomSandbox;
  let credentials: ServiceProcess;
  let scheduler: ServiceProcess;
  const oomnitzas: OomnitzaSandbox[] = [];

  beforeAll(async () => {
    zoom = await createZoomSandbox({ accounts: ACCOUNTS });
    deployment = await PlatformDeployment.create('removals');
    ({ credentials, scheduler } = await deployment.startReady(zoom, ['scheduler', 'zoom-fetcher', 'mapper', 'oomnitza-writer']));
  });

  afterAll(async () => {
    await deployment?.destroy();
    await Promise.all(oomnitzas.map((sandbox) => sandbox.close()));
    await zoom?.close();
  });

  async function integrationOn(
    account: SandboxAccountHandle,
    tenantId: string,
    settings: Record<string, unknown> = {},
  ): Promise<{ setup: ZoomSyncSetup; oomnitza: OomnitzaSandbox }> {
    const oomnitza = await createOomnitzaSandbox();
    oomnitzas.push(oomnitza);
    const [app] = account.apps;
    const setup = await setUpZoomSync({
      tenantId,
      adminKey: deployment.adminKey,
      credentials,
      scheduler,
      zoom: { accountId: account.accountId, clientId: app.clientId, clientSecret: app.clientSecret },
      oomnitza: { url: oomnitza.url, token: oomnitza.token, adminKey: oomnitza.adminKey },
      oomnitzaRoleId: ROLE,
    });
    const updated = await request(`${scheduler.baseUrl}/integrations/${setup.integrationId}`, {
      method: 'PATCH',
      key: setup.schedulerKey,
      body: settings,
    });
    expect(updated).toMatchObject({ status: 200, body: { onZoomRemoval: 'mark', ...settings } });
    return { setup, oomnitza };
  }

  /** Zoom Status of every person in Oomnitza, by email. */
  const zoomStatuses = (oomnitza: OomnitzaSandbox, setup: ZoomSyncSetup) =>
    new Map((oomnitza.state.export().people as Person[]).map((person) => [String(person.email), person[setup.fieldTargets.status]]));

  /** Deletes `count` users of the account in Zoom (never its owner, the first); returns their emails. */
  const deleteInZoom = (account: SandboxAccountHandle, count: number) =>
    account.population
      .users()
      .slice(1, 1 + count)
      .map((user) => {
        account.admin.deleteUser(user.email);
        return user.email;
      });

  it('holds the removals of a full sync that finds 20 % of the users gone, alerts, and applies them once approved', async () => {
    const account = zoom.accounts[0];
    const { setup, oomnitza } = await integrationOn(account, 'acme', { removalThresholdPercent: 10, removalThresholdMinimum: 1 });
    const users = ACCOUNTS[0].users;
    const routes = `${scheduler.baseUrl}/integrations/${setup.integrationId}/held-removals`;
    expect(await runSync(scheduler, setup.schedulerKey, setup.integrationId)).toMatchObject({
      status: 'completed',
      created: users,
      rejected: 0,
    });
    const gone = deleteInZoom(account, users / 5);

    const second = await runSync(scheduler, setup.schedulerKey, setup.integrationId);
    expect(second).toMatchObject({ status: 'completed', fetched: users - gone.length, rejected: 0, failed: 0 });

    const alerts = await readTopic(deployment.topics.name(IntegrationAlert.topic), {
      until: (messages) => messages.some((message) => message.key === setup.integrationId),
      timeoutMs: 30_000,
    });
    const [alert] = alerts
      .map((message) => message.json<MessageEnvelope<IntegrationAlertValue>>())
      .filter((envelope) => envelope.integrationId === setup.integrationId);
    expect(alert).toMatchObject({ tenantId: 'acme', runId: second.id, payload: { kind: 'removals_held', runId: second.id } });
    expect(alert.payload.detail).toContain(`${gone.length} people would be marked removed or deactivated`);
    expect(alert.payload.detail).toContain(`POST /integrations/${setup.integrationId}/held-removals/approve`);
    const held = await request(routes, { key: setup.schedulerKey });
    expect(held).toMatchObject({ status: 200, body: { held: true, count: gone.length, source: 'run', threshold: 4, syncedUsers: users } });
    expect(gone.map((email) => zoomStatuses(oomnitza, setup).get(email))).not.toContain('deleted');

    expect(await request(`${routes}/approve`, { method: 'POST', key: setup.schedulerKey })).toMatchObject({
      status: 202,
      body: { decision: 'approve', count: gone.length },
    });

    await waitFor(() => gone.every((email) => zoomStatuses(oomnitza, setup).get(email) === 'deleted'), {
      timeoutMs: 30_000,
      description: 'the approved removals in Oomnitza',
    });
    const statuses = zoomStatuses(oomnitza, setup);
    expect([...statuses.values()].filter((status) => status === 'deleted')).toHaveLength(gone.length);
    expect(statuses.size).toBe(users);
    expect(await request(routes, { key: setup.schedulerKey })).toMatchObject({ status: 200, body: { held: false, count: 0 } });
  });

  it('marks a user deleted in Zoom before a clean full sync with Zoom Status deleted after it, and no one else', async () => {
    const account = zoom.accounts[1];
    const { setup, oomnitza } = await integrationOn(account, 'globex');
    expect(await runSync(scheduler, setup.schedulerKey, setup.integrationId)).toMatchObject({ status: 'completed', rejected: 0 });
    const before = zoomStatuses(oomnitza, setup);
    const [gone] = deleteInZoom(account, 1);

    expect(await runSync(scheduler, setup.schedulerKey, setup.integrationId)).toMatchObject({
      status: 'completed',
      rejected: 0,
      failed: 0,
    });

    await waitFor(() => zoomStatuses(oomnitza, setup).get(gone) === 'deleted', {
      timeoutMs: 30_000,
      description: `Zoom Status deleted for ${gone} in Oomnitza`,
    });
    expect(zoomStatuses(oomnitza, setup)).toEqual(new Map([...before, [gone, 'deleted']]));
  });
});
