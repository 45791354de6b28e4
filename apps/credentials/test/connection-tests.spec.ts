import { randomUUID } from 'node:crypto';
import { REFUSING_URL } from './support/stub-http-server';
import { CredentialsTestBed, RunningCredentials } from './support/credentials-test-bed';
import { OomnitzaSandbox, startOomnitzaSandbox, startZoomSandbox, ZOOM_ACCOUNT, ZoomSandbox } from './support/sandboxes';

const SECRETS = [ZOOM_ACCOUNT.app.clientSecret, ZOOM_ACCOUNT.appWithoutListUsers.clientSecret, ZOOM_ACCOUNT.disabledApp.clientSecret];

describe('"Test connection" against the Zoom and Oomnitza sandboxes', () => {
  let bed: CredentialsTestBed;
  let zoom: ZoomSandbox;
  let oomnitza: OomnitzaSandbox;
  let service: RunningCredentials;
  let apiKey: string;
  const bodies: string[] = [];

  async function test(running: RunningCredentials, kind: 'zoom' | 'oomnitza', credential: Record<string, unknown>, key = apiKey) {
    const created = await running.http().post(`/${kind}-credentials`).set('Authorization', `Bearer ${key}`).send({ name: `test ${randomUUID()}`, ...credential }).expect(201);
    const response = await running.http().post(`/${kind}-credentials/${created.body.id}/test`).set('Authorization', `Bearer ${key}`);
    bodies.push(created.text, response.text);
    expect(response.status).toBe(200);
    return response.body as { ok: boolean; problem?: string; scopes?: string[] };
  }

  const zoomCredential = (app: { clientId: string; clientSecret: string }, overrides: Record<string, string> = {}) => ({
    accountId: ZOOM_ACCOUNT.accountId,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    ...overrides,
  });

  beforeAll(async () => {
    [zoom, oomnitza, bed] = await Promise.all([startZoomSandbox(), startOomnitzaSandbox(), CredentialsTestBed.create('connection_tests')]);
    service = await bed.start({ ZOOM_OAUTH_URL: zoom.url, ZOOM_API_URL: zoom.apiBaseUrl });
    apiKey = await bed.issueKey(service, 'acme');
  });

  afterAll(async () => {
    await bed?.destroy();
    await Promise.all([zoom?.close(), oomnitza?.close()]);
  });

  afterEach(() => {
    const everything = bodies.splice(0).join('\n');
    for (const secret of [...SECRETS, oomnitza.token]) {
      expect(everything).not.toContain(secret);
      expect(service.logs.text).not.toContain(secret);
    }
  });

  describe('Zoom', () => {
    it('passes with a good credential whose app may list users, naming the scopes', async () => {
      const result = await test(service, 'zoom', zoomCredential(ZOOM_ACCOUNT.app));
      expect(result).toEqual({ ok: true, scopes: expect.arrayContaining(['user:read:list_users:admin']) });
    });

    it.each([
      ['an unknown client id', zoomCredential({ ...ZOOM_ACCOUNT.app, clientId: 'clientUnknown99' })],
      ['a wrong client secret', zoomCredential({ ...ZOOM_ACCOUNT.app, clientSecret: 'not-the-secret-0123456789' })],
    ])('fails with %s: Zoom does not say which of the two is wrong, and neither do we', async (_case, credential) => {
      expect(await test(service, 'zoom', credential)).toEqual({
        ok: false,
        problem: 'Zoom rejected the client id or client secret (invalid_client: Invalid client_id or client_secret)',
      });
    });

    it('fails with an account id the app is not installed on', async () => {
      expect(await test(service, 'zoom', zoomCredential(ZOOM_ACCOUNT.app, { accountId: 'acctSomeoneElse' }))).toEqual({
        ok: false,
        problem: 'Zoom rejected the account id (invalid_request: Invalid account_id)',
      });
    });

    it('fails when the app lacks the scope to list users, naming the scope', async () => {
      expect(await test(service, 'zoom', zoomCredential(ZOOM_ACCOUNT.appWithoutListUsers))).toEqual({
        ok: false,
        problem: 'the token lacks the scope user:read:list_users:admin',
        scopes: ['user:read:user:admin'],
      });
    });

    it('fails when the app is disabled', async () => {
      expect(await test(service, 'zoom', zoomCredential(ZOOM_ACCOUNT.disabledApp))).toEqual({
        ok: false,
        problem: 'the Zoom app is disabled (invalid_client: The app has been disabled)',
      });
    });

    it('fails when Zoom answers the token request with a server error, saying so', async () => {
      zoom.faults.inject({ kind: 'server-error', count: 1, status: 503, pathPrefix: '/oauth/' });
      expect(await test(service, 'zoom', zoomCredential(ZOOM_ACCOUNT.app))).toEqual({ ok: false, problem: 'Zoom failed to answer the token request (HTTP 503)' });
    });

    it('fails when Zoom cannot be reached, naming the URL and the network error', async () => {
      const isolated = await bed.start({ ZOOM_OAUTH_URL: REFUSING_URL });
      try {
        const key = await bed.issueKey(isolated, 'acme');
        expect(await test(isolated, 'zoom', zoomCredential(ZOOM_ACCOUNT.app), key)).toEqual({
          ok: false,
          problem: `could not reach ${REFUSING_URL}/oauth/token: ECONNREFUSED`,
        });
      } finally {
        await isolated.close();
      }
    });
  });

  describe('Oomnitza', () => {
    it('passes with the right token (AuthTest answers 200)', async () => {
      expect(await test(service, 'oomnitza', { baseUrl: oomnitza.url, apiToken: oomnitza.token })).toEqual({ ok: true });
    });

    it('fails with a wrong token', async () => {
      expect(await test(service, 'oomnitza', { baseUrl: oomnitza.url, apiToken: 'not-the-oomnitza-token-0123' })).toEqual({
        ok: false,
        problem: 'Oomnitza rejected the API token (401)',
      });
    });

    it('fails when the base URL serves no Oomnitza API', async () => {
      expect(await test(service, 'oomnitza', { baseUrl: zoom.url, apiToken: oomnitza.token })).toEqual({
        ok: false,
        problem: `${zoom.url} has no Oomnitza API (404 for /api/v2/mappings): check the base URL`,
      });
    });

    it('fails when Oomnitza cannot be reached, naming the URL and the network error', async () => {
      expect(await test(service, 'oomnitza', { baseUrl: REFUSING_URL, apiToken: oomnitza.token })).toEqual({
        ok: false,
        problem: `could not reach ${REFUSING_URL}/api/v2/mappings?name=AuthTest: ECONNREFUSED`,
      });
    });
  });
});
