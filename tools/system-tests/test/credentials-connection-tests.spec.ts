import { PlatformDeployment, request, ServiceProcess, waitUntilReady } from '@zoom-oomnitza-sync/local-platform';
import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { REFUSING_URL } from '@zoom-oomnitza-sync/testing';
import { createZoomSandbox, ZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';
import { randomUUID } from 'node:crypto';

/** The Zoom account the tests use and its Server-to-Server OAuth apps. */
const ZOOM_ACCOUNT = {
  accountId: 'acctCredentialsTest01',
  app: { clientId: 'clientGood01', clientSecret: 'good-client-secret-0123456789' },
  appWithoutListUsers: { clientId: 'clientNoScope01', clientSecret: 'noscope-client-secret-012345', scopes: ['user:read:user:admin'] },
  disabledApp: { clientId: 'clientDisabled01', clientSecret: 'disabled-client-secret-01234', disabled: true },
};
const ZOOM_APPS = [ZOOM_ACCOUNT.app, ZOOM_ACCOUNT.appWithoutListUsers, ZOOM_ACCOUNT.disabledApp];
const SECRETS = ZOOM_APPS.map((app) => app.clientSecret);

interface ConnectionTestResult {
  ok: boolean;
  problem?: string;
  scopes?: string[];
}

describe('"Test connection" against the Zoom and Oomnitza sandboxes', () => {
  let deployment: PlatformDeployment;
  let zoom: ZoomSandbox;
  let oomnitza: OomnitzaSandbox;
  let credentials: ServiceProcess;
  let apiKey: string;
  /** Every credentials process of this file: none may log a secret. */
  const processes: ServiceProcess[] = [];
  const bodies: string[] = [];

  // Debug lines included: no secret may reach any log line.
  const settings = () => ({ ZOOM_OAUTH_URL: zoom.url, ZOOM_API_URL: zoom.apiBaseUrl, LOG_LEVEL: 'debug' });

  async function testConnection(
    service: ServiceProcess,
    kind: 'zoom' | 'oomnitza',
    credential: Record<string, unknown>,
  ): Promise<ConnectionTestResult> {
    const created = await request<{ id: string }>(`${service.baseUrl}/${kind}-credentials`, {
      method: 'POST',
      key: apiKey,
      body: { name: `test ${randomUUID()}`, ...credential },
    });
    expect(created.status).toBe(201);
    const tested = await request<ConnectionTestResult>(`${service.baseUrl}/${kind}-credentials/${created.body.id}/test`, {
      method: 'POST',
      key: apiKey,
    });
    bodies.push(JSON.stringify(created.body), JSON.stringify(tested.body));
    expect(tested.status).toBe(200);
    return tested.body;
  }

  const zoomCredential = (app: { clientId: string; clientSecret: string }, overrides: Record<string, string> = {}) => ({
    accountId: ZOOM_ACCOUNT.accountId,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    ...overrides,
  });

  beforeAll(async () => {
    [deployment, zoom, oomnitza] = await Promise.all([
      PlatformDeployment.create('connection_tests'),
      createZoomSandbox({ accounts: [{ accountId: ZOOM_ACCOUNT.accountId, users: 3, apps: ZOOM_APPS }] }),
      createOomnitzaSandbox(),
    ]);
    credentials = await deployment.start('credentials', settings());
    processes.push(credentials);
    await waitUntilReady(credentials);
    apiKey = await deployment.issueApiKey('acme', ['credentials:read', 'credentials:write'], [credentials]);
  });

  afterAll(async () => {
    await deployment?.destroy();
    await Promise.all([zoom?.close(), oomnitza?.close()]);
  });

  afterEach(() => {
    const responses = bodies.splice(0).join('\n');
    const logs = processes.map((service) => service.output()).join('\n');
    for (const secret of [...SECRETS, oomnitza.token]) {
      expect(responses).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });

  describe('Zoom', () => {
    it('passes with a good credential whose app may list users, naming the scopes', async () => {
      const result = await testConnection(credentials, 'zoom', zoomCredential(ZOOM_ACCOUNT.app));
      expect(result).toEqual({ ok: true, scopes: expect.arrayContaining(['user:read:list_users:admin']) });
    });

    it.each([
      ['an unknown client id', zoomCredential({ ...ZOOM_ACCOUNT.app, clientId: 'clientUnknown99' })],
      ['a wrong client secret', zoomCredential({ ...ZOOM_ACCOUNT.app, clientSecret: 'not-the-secret-0123456789' })],
    ])('fails with %s: Zoom does not say which of the two is wrong, and neither do we', async (_case, credential) => {
      expect(await testConnection(credentials, 'zoom', credential)).toEqual({
        ok: false,
        problem: 'Zoom rejected the client id or client secret (invalid_client: Invalid client_id or client_secret)',
      });
    });

    it('fails with an account id the app is not installed on', async () => {
      expect(await testConnection(credentials, 'zoom', zoomCredential(ZOOM_ACCOUNT.app, { accountId: 'acctSomeoneElse' }))).toEqual({
        ok: false,
        problem: 'Zoom rejected the account id (invalid_request: Invalid account_id)',
      });
    });

    it('fails when the app lacks the scope to list users, naming the scope', async () => {
      expect(await testConnection(credentials, 'zoom', zoomCredential(ZOOM_ACCOUNT.appWithoutListUsers))).toEqual({
        ok: false,
        problem: 'the token lacks the scope user:read:list_users:admin',
        scopes: ['user:read:user:admin'],
      });
    });

    it('fails when the app is disabled', async () => {
      expect(await testConnection(credentials, 'zoom', zoomCredential(ZOOM_ACCOUNT.disabledApp))).toEqual({
        ok: false,
        problem: 'the Zoom app is disabled (invalid_client: The app has been disabled)',
      });
    });

    it('fails when Zoom answers the token request with a server error, saying so', async () => {
      zoom.faults.inject({ kind: 'server-error', count: 1, status: 503, pathPrefix: '/oauth/' });
      expect(await testConnection(credentials, 'zoom', zoomCredential(ZOOM_ACCOUNT.app))).toEqual({
        ok: false,
        problem: 'Zoom failed to answer the token request (HTTP 503)',
      });
    });

    it('fails when Zoom cannot be reached, naming the URL and the network error', async () => {
      // Where Zoom is belongs to the service's settings: a replica of its own is told a URL nobody serves.
      const unreachableZoom = await deployment.startReplica('credentials', { ...settings(), ZOOM_OAUTH_URL: REFUSING_URL });
      processes.push(unreachableZoom);
      try {
        await waitUntilReady(unreachableZoom);
        expect(await testConnection(unreachableZoom, 'zoom', zoomCredential(ZOOM_ACCOUNT.app))).toEqual({
          ok: false,
          problem: `could not reach ${REFUSING_URL}/oauth/token: ECONNREFUSED`,
        });
      } finally {
        await unreachableZoom.stop();
      }
    });
  });

  describe('Oomnitza', () => {
    it('passes with the right token (AuthTest answers 200)', async () => {
      expect(await testConnection(credentials, 'oomnitza', { baseUrl: oomnitza.url, apiToken: oomnitza.token })).toEqual({ ok: true });
    });

    it('fails with a wrong token', async () => {
      expect(await testConnection(credentials, 'oomnitza', { baseUrl: oomnitza.url, apiToken: 'not-the-oomnitza-token-0123' })).toEqual({
        ok: false,
        problem: 'Oomnitza rejected the API token (401)',
      });
    });

    it('fails when the base URL serves no Oomnitza API', async () => {
      expect(await testConnection(credentials, 'oomnitza', { baseUrl: zoom.url, apiToken: oomnitza.token })).toEqual({
        ok: false,
        problem: `${zoom.url} has no Oomnitza API (404 for /api/v2/mappings): check the base URL`,
      });
    });

    it('fails when Oomnitza cannot be reached, naming the URL and the network error', async () => {
      expect(await testConnection(credentials, 'oomnitza', { baseUrl: REFUSING_URL, apiToken: oomnitza.token })).toEqual({
        ok: false,
        problem: `could not reach ${REFUSING_URL}/api/v2/mappings?name=AuthTest: ECONNREFUSED`,
      });
    });
  });
});
