import { firstZoomApp, issueApiKey, PlatformDeployment, request, runSync, setUpZoomSync } from '@zoom-oomnitza-sync/local-platform';
import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { createZoomSandbox, ZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';

const INACTIVE_DAYS = 30;

interface Report {
  cutoff: string;
  total: number;
  byDepartment: { department: string | null; users: number }[];
  users: { userKey: string; lastLoginTime: string | null }[];
  nextAfter: string | null;
}

describe('the licence reclamation report, after a full sync of a Zoom account', () => {
  let deployment: PlatformDeployment;
  let zoom: ZoomSandbox;
  let oomnitza: OomnitzaSandbox;

  beforeAll(async () => {
    zoom = await createZoomSandbox({ users: 200, seed: 5 });
    oomnitza = await createOomnitzaSandbox();
    deployment = await PlatformDeployment.create('reclamation');
  });

  afterAll(async () => {
    await deployment?.destroy();
    await oomnitza?.close();
    await zoom?.close();
  });

  it('lists exactly the licensed users not logged in for the days asked, by department, and as a CSV download', async () => {
    const running = await deployment.startReady(zoom, ['scheduler', 'zoom-fetcher', 'mapper', 'oomnitza-writer']);
    const { credentials, scheduler, 'oomnitza-writer': writer } = running;
    const setup = await setUpZoomSync({
      tenantId: 'acme',
      adminKey: deployment.adminKey,
      credentials,
      scheduler,
      zoom: firstZoomApp(zoom),
      oomnitza,
      oomnitzaRoleId: 25,
    });
    expect(await runSync(scheduler, setup.schedulerKey, setup.integrationId)).toMatchObject({ status: 'completed', failed: 0 });
    const key = await issueApiKey(credentials, deployment.adminKey, 'acme', ['runs:read'], [writer]);
    const url = `${writer.baseUrl}/integrations/${setup.integrationId}/reports/licence-reclamation?inactiveDays=${INACTIVE_DAYS}`;

    const first = await request<Report>(`${url}&limit=1000`, { key });
    expect(first.status).toBe(200);
    const cutoff = Date.parse(first.body.cutoff);
    const expected = zoom.population
      .users()
      .filter((user) => user.type === 2 && user.status !== 'inactive')
      .filter((user) => !user.last_login_time || Date.parse(user.last_login_time) < cutoff);
    expect(expected.length).toBeGreaterThan(0);
    expect(first.body.total).toBe(expected.length);
    expect(first.body.users.map((user) => user.userKey.toLowerCase()).sort()).toEqual(
      expected.map((user) => user.email.toLowerCase()).sort(),
    );
    const departments = new Map<string | null, number>();
    for (const user of expected) {
      departments.set(user.dept || null, (departments.get(user.dept || null) ?? 0) + 1);
    }
    expect(new Map(first.body.byDepartment.map(({ department, users }) => [department, users]))).toEqual(departments);

    const csv = await fetch(
      `${writer.baseUrl}/integrations/${setup.integrationId}/reports/licence-reclamation/csv?inactiveDays=${INACTIVE_DAYS}`,
      {
        headers: { authorization: `Bearer ${key}` },
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="licence-reclamation-${INACTIVE_DAYS}-days.csv"`);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('user,zoom_user_id,department,status,last_login_time,days_inactive');
    expect(lines).toHaveLength(expected.length + 1);

    const missing = await request(`${writer.baseUrl}/integrations/${setup.integrationId}/reports/licence-reclamation`, {
      key: await issueApiKey(credentials, deployment.adminKey, 'globex', ['runs:read'], [writer]),
    });
    expect(missing.status).toBe(404);
  });
});
