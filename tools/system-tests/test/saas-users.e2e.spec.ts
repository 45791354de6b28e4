import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { createZoomSandbox, ZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';
import {
  firstZoomApp,
  PlatformDeployment,
  request,
  runSync,
  ServiceProcess,
  setUpZoomSync,
  waitUntilReady,
} from '@zoom-oomnitza-sync/local-platform';

interface SaasUserView {
  user_id: number;
  user_external_id: string | null;
  role_external_id: string | null;
  status: 'active' | 'inactive';
  last_activity_date: number | null;
}

describe('User plus SaaS user: every synced person a SaaS user of the Zoom app in Oomnitza', () => {
  let deployment: PlatformDeployment;
  let zoom: ZoomSandbox;
  let oomnitza: OomnitzaSandbox;

  beforeAll(async () => {
    zoom = await createZoomSandbox({ users: 80, seed: 9 });
    oomnitza = await createOomnitzaSandbox();
    deployment = await PlatformDeployment.create('saas_users');
  });

  afterAll(async () => {
    await deployment?.destroy();
    await oomnitza?.close();
    await zoom?.close();
  });

  /** The SaaS user of each person, by the person's e-mail. */
  function saasUsersByEmail(): Map<string, SaasUserView> {
    const state = oomnitza.state.export();
    const emails = new Map((state.people as Array<{ id: number; email: string }>).map((person) => [person.id, person.email.toLowerCase()]));
    return new Map((state.saas.users as unknown as SaasUserView[]).map((user) => [emails.get(user.user_id)!, user]));
  }

  it('creates a SaaS user per person with the Zoom role, status and last login, and deactivates it when Zoom does', async () => {
    const credentials = await deployment.start('credentials', { ZOOM_OAUTH_URL: zoom.url, ZOOM_API_URL: zoom.apiBaseUrl });
    const others: ServiceProcess[] = await Promise.all([
      deployment.start('scheduler'),
      deployment.start('zoom-fetcher'),
      deployment.start('mapper'),
      deployment.start('oomnitza-writer', { OOMNITZA_SAAS_USER_DETAILS: 'true' }),
    ]);
    await Promise.all([credentials, ...others].map((service) => waitUntilReady(service)));
    const [scheduler] = others;
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

    expect(await runSync(scheduler, setup.schedulerKey, setup.integrationId)).toMatchObject({ status: 'completed', failed: 0 });
    const users = zoom.population.users();
    let saasUsers = saasUsersByEmail();
    expect(saasUsers.size).toBe(users.length);
    const wrong = users.flatMap((user) => {
      const saasUser = saasUsers.get(user.email.toLowerCase());
      const want = {
        // Zoom lists a pending user without its id.
        user_external_id: user.status === 'pending' ? null : user.id,
        role_external_id: user.role_id ?? null,
        status: user.status === 'active' ? 'active' : 'inactive',
        last_activity_date: user.last_login_time ? Math.floor(Date.parse(user.last_login_time) / 1000) : null,
      };
      const got = saasUser && {
        user_external_id: saasUser.user_external_id,
        role_external_id: saasUser.role_external_id,
        status: saasUser.status,
        last_activity_date: saasUser.last_activity_date,
      };
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${user.email}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`];
    });
    expect(wrong.slice(0, 5)).toEqual([]);

    const leaving = users.find((user) => user.status === 'active' && user.role_id !== '0')!;
    zoom.admin.deactivateUser(leaving.id);
    expect(await runSync(scheduler, setup.schedulerKey, setup.integrationId)).toMatchObject({ status: 'completed', failed: 0 });
    saasUsers = saasUsersByEmail();
    expect(saasUsers.get(leaving.email.toLowerCase())?.status).toBe('inactive');
    expect([...saasUsers.values()].filter((user) => user.status === 'inactive')).toHaveLength(
      users.filter((user) => user.status !== 'active').length + 1,
    );
  });
});
