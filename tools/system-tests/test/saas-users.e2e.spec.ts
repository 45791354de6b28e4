import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { createZoomSandbox, ZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';
import {
  firstZoomApp,
  PlatformDeployment,
  request,
  runSync,
  ServiceProcess,
  setUpZoomSync,
  ZoomSyncSetup,
} from '@zoom-oomnitza-sync/local-platform';

interface SaasUserView {
  user_id: number;
  user_external_id: string | null;
  role_external_id: string | null;
  status: 'active' | 'inactive';
  license_type: string | null;
  last_activity_date: number | null;
  last_client_version: string | null;
}

/** Zoom's plan types as its Users API names them. */
const PLAN_TYPES: Record<number, string> = { 1: 'Basic', 2: 'Licensed', 4: 'Unassigned without Meetings Basic', 99: 'None' };

interface SaasStack {
  zoom: ZoomSandbox;
  oomnitza: OomnitzaSandbox;
  scheduler: ServiceProcess;
  setup: ZoomSyncSetup;
  close(): Promise<void>;
}

/** All six services but the notifier, an integration made User plus SaaS user after Launch, the writer's details setting as given. */
async function saasIntegration(name: string, details: boolean): Promise<SaasStack> {
  const zoom = await createZoomSandbox({ users: 80, seed: 9 });
  const oomnitza = await createOomnitzaSandbox();
  const deployment = await PlatformDeployment.create(name);
  const close = async () => {
    await deployment.destroy();
    await oomnitza.close();
    await zoom.close();
  };
  try {
    const { credentials, scheduler } = await deployment.startReady(zoom, ['scheduler', 'zoom-fetcher', 'mapper', 'oomnitza-writer'], {
      'oomnitza-writer': { OOMNITZA_SAAS_USER_DETAILS: String(details) },
    });
    const setup = await setUpZoomSync({
      tenantId: 'acme',
      adminKey: deployment.adminKey,
      credentials,
      scheduler,
      zoom: firstZoomApp(zoom),
      oomnitza,
      oomnitzaRoleId: 25,
    });
    const changed = await request(`${scheduler.baseUrl}/integrations/${setup.integrationId}`, {
      method: 'PATCH',
      key: setup.schedulerKey,
      body: { type: 'user_and_saas', oomnitzaSaasId: oomnitza.saasId },
    });
    expect(changed.status).toBe(200);
    return { zoom, oomnitza, scheduler, setup, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The SaaS user of each person, by the person's e-mail. */
function saasUsersByEmail(oomnitza: OomnitzaSandbox): Map<string, SaasUserView> {
  const state = oomnitza.state.export();
  const emails = new Map((state.people as Array<{ id: number; email: string }>).map((person) => [person.id, person.email.toLowerCase()]));
  return new Map((state.saas.users as unknown as SaasUserView[]).map((user) => [emails.get(user.user_id)!, user]));
}

/** Each Zoom user whose SaaS user differs from what `want` says it should be. */
function mismatches(
  stack: SaasStack,
  want: (user: ReturnType<ZoomSandbox['population']['users']>[number]) => Partial<SaasUserView>,
): string[] {
  const saasUsers = saasUsersByEmail(stack.oomnitza);
  return stack.zoom.population.users().flatMap((user) => {
    const expected = want(user);
    const saasUser = saasUsers.get(user.email.toLowerCase());
    const got = saasUser && Object.fromEntries(Object.keys(expected).map((key) => [key, saasUser[key as keyof SaasUserView]]));
    return JSON.stringify(got) === JSON.stringify(expected) ? [] : [`${user.email}: ${JSON.stringify(got)} != ${JSON.stringify(expected)}`];
  });
}

/** Deactivates an active Zoom user who is not the account owner, runs a full sync, and answers the user's SaaS user status. */
async function deactivateOneAndSync(stack: SaasStack): Promise<string | undefined> {
  const leaving = stack.zoom.population.users().find((user) => user.status === 'active' && user.role_id !== '0')!;
  stack.zoom.admin.deactivateUser(leaving.id);
  expect(await runSync(stack.scheduler, stack.setup.schedulerKey, stack.setup.integrationId)).toMatchObject({
    status: 'completed',
    failed: 0,
  });
  return saasUsersByEmail(stack.oomnitza).get(leaving.email.toLowerCase())?.status;
}

describe('User plus SaaS user: every synced person a SaaS user of the Zoom app in Oomnitza', () => {
  it('links each person with the documented keys, and keeps the SaaS user status through the documented routes', async () => {
    const stack = await saasIntegration('saas_documented', false);
    try {
      expect(await runSync(stack.scheduler, stack.setup.schedulerKey, stack.setup.integrationId)).toMatchObject({
        status: 'completed',
        failed: 0,
      });
      expect(saasUsersByEmail(stack.oomnitza).size).toBe(stack.zoom.population.users().length);
      expect(
        mismatches(stack, (user) => ({ status: user.status === 'active' ? 'active' : 'inactive', role_external_id: null })).slice(0, 5),
      ).toEqual([]);
      expect(await deactivateOneAndSync(stack)).toBe('inactive');
    } finally {
      await stack.close();
    }
  });

  it('with OOMNITZA_SAAS_USER_DETAILS, carries the Zoom role, status, licence type, last login and last client version on each SaaS user', async () => {
    const stack = await saasIntegration('saas_details', true);
    try {
      expect(await runSync(stack.scheduler, stack.setup.schedulerKey, stack.setup.integrationId)).toMatchObject({
        status: 'completed',
        failed: 0,
      });
      expect(saasUsersByEmail(stack.oomnitza).size).toBe(stack.zoom.population.users().length);
      const wrong = mismatches(stack, (user) => ({
        // Zoom lists a pending user without its id.
        user_external_id: user.status === 'pending' ? null : user.id,
        role_external_id: user.role_id ?? null,
        status: user.status === 'active' ? 'active' : 'inactive',
        license_type: PLAN_TYPES[user.type] ?? null,
        last_activity_date: user.last_login_time ? Math.floor(Date.parse(user.last_login_time) / 1000) : null,
        last_client_version: user.last_client_version ?? null,
      }));
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(await deactivateOneAndSync(stack)).toBe('inactive');
    } finally {
      await stack.close();
    }
  });
});
