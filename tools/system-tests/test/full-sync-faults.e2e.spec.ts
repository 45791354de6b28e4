import { waitFor } from '@zoom-oomnitza-sync/testing';
import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { createZoomSandbox, ManualClock, ZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';
import {
  PlatformDeployment,
  request,
  runSync,
  RunView,
  sampleOf,
  ServiceProcess,
  setUpZoomSync,
  waitUntilReady,
} from '@zoom-oomnitza-sync/local-platform';

const USERS = 3000;

describe('a full sync survives what Zoom and Oomnitza throw at it', () => {
  let deployment: PlatformDeployment;
  let zoom: ZoomSandbox;
  let oomnitza: OomnitzaSandbox;
  let credentials: ServiceProcess;
  let scheduler: ServiceProcess;
  const clock = new ManualClock();

  beforeAll(async () => {
    // Zoom's time is ours to move: tokens and page tokens expire when the test says so.
    zoom = await createZoomSandbox({ users: USERS, seed: 7, plan: 'unlimited', clock });
    oomnitza = await createOomnitzaSandbox({
      faults: {
        rateLimit: { next: 3, retryAfterSeconds: 1, pathPrefix: '/api/v3/bulk' },
        serverErrors: { next: 3, status: 503, pathPrefix: '/api/v3/bulk' },
      },
    });
    deployment = await PlatformDeployment.create('faults');
    credentials = await deployment.start('credentials', { ZOOM_OAUTH_URL: zoom.url, ZOOM_API_URL: zoom.apiBaseUrl });
    scheduler = await deployment.start('scheduler');
    const others = await Promise.all([
      deployment.start('zoom-fetcher', { ZOOM_REQUESTS_PER_SECOND: '2' }),
      deployment.start('mapper'),
      deployment.start('oomnitza-writer', { OOMNITZA_RETRY_BASE_MS: '50' }),
    ]);
    await Promise.all([credentials, scheduler, ...others].map((service) => waitUntilReady(service)));
  });

  afterAll(async () => {
    await deployment?.destroy();
    await oomnitza?.close();
    await zoom?.close();
  });

  it('renews an expired token, restarts a pass whose page token expired, waits out 429s and retries 5xx on both sides', async () => {
    const [app] = zoom.accounts[0].apps;
    const setup = await setUpZoomSync({
      tenantId: 'acme',
      adminKey: deployment.adminKey,
      credentials,
      scheduler,
      zoom: { accountId: zoom.accounts[0].accountId, clientId: app.clientId, clientSecret: app.clientSecret },
      oomnitza: { url: oomnitza.url, token: oomnitza.token, adminKey: oomnitza.adminKey },
      oomnitzaRoleId: 25,
    });
    zoom.faults.inject({ kind: 'rate-limit', count: 2 });
    zoom.faults.inject({ kind: 'server-error', count: 2, status: 503 });

    let expired = false;
    const run: RunView = await runSync(scheduler, setup.schedulerKey, setup.integrationId, {
      onProgress: (current) => {
        // After the first pages: an hour passes at Zoom, so the token (1 h) and page token (15 min) are dead.
        if (!expired && current.fetched >= 600) {
          clock.advance(3_601_000);
          expired = true;
        }
      },
    });

    const users = zoom.population.users();
    const unique = users.filter((user) => user.email && user.first_name?.trim() && user.last_name?.trim()).length;
    expect(expired).toBe(true);
    expect(run).toMatchObject({ status: 'completed', created: unique, failed: 0 });
    // The restarted pass fetched its first pages again; the writer found them unchanged.
    expect(run.fetched).toBeGreaterThan(users.length);
    expect(run.created + run.unchanged).toBe(run.mapped);
    expect(oomnitza.state.export().people).toHaveLength(unique);
    expect(zoom.faults.list()).toEqual([]);

    const metrics = await request<string>(`${credentials.baseUrl}/metrics`, { key: deployment.adminKey });
    expect(sampleOf(metrics.body, 'zoom_token_mints_total', { outcome: 'minted' })).toBe(2);
    const faults = await waitFor(async () => {
      const response = await fetch(`${oomnitza.url}/sandbox/faults`, { headers: { 'x-sandbox-admin-key': oomnitza.adminKey } });
      return ((await response.json()) as { injected: { rateLimited: number; serverErrors: number } }).injected;
    });
    expect(faults).toEqual({ rateLimited: 3, serverErrors: 3 });
  });
});
