import { randomUUID } from 'node:crypto';
import { CredentialsTestBed, RunningCredentials } from './support/credentials-test-bed';
import { listUsersWith, OomnitzaSandbox, startOomnitzaSandbox, startZoomSandbox, ZOOM_ACCOUNT, ZoomSandbox } from './support/sandboxes';

interface HandedOutToken {
  accessToken: string;
  expiresAt: string;
  apiUrl: string;
}

describe('internal API: the Zoom token broker and the Oomnitza token, for services only', () => {
  let bed: CredentialsTestBed;
  let zoom: ZoomSandbox;
  let oomnitza: OomnitzaSandbox;
  let service: RunningCredentials;
  let apiKey: string;
  let fetcherToken: string;
  /** Every token handed out in the running test: none may reach the logs. */
  const handedOut: string[] = [];

  const mints = () => service.metric('zoom_token_mints_total', { outcome: 'minted' });

  async function createZoomCredential(overrides: Record<string, string> = {}): Promise<string> {
    const response = await service
      .http()
      .post('/zoom-credentials')
      .set('Authorization', `Bearer ${apiKey}`)
      .send({ name: `zoom ${randomUUID()}`, accountId: ZOOM_ACCOUNT.accountId, ...ZOOM_ACCOUNT.app, ...overrides })
      .expect(201);
    return response.body.id;
  }

  async function accessToken(credentialId: string): Promise<HandedOutToken> {
    const response = await service.http().get(`/internal/zoom-credentials/${credentialId}/access-token`).set('Authorization', `Bearer ${fetcherToken}`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    handedOut.push(response.body.accessToken);
    return response.body;
  }

  async function replaceToken(credentialId: string, body: object = {}): Promise<HandedOutToken> {
    const response = await service
      .http()
      .post(`/internal/zoom-credentials/${credentialId}/access-token/invalidate`)
      .set('Authorization', `Bearer ${fetcherToken}`)
      .send(body)
      .expect(200);
    handedOut.push(response.body.accessToken);
    return response.body;
  }

  beforeAll(async () => {
    [zoom, oomnitza, bed] = await Promise.all([startZoomSandbox(), startOomnitzaSandbox(), CredentialsTestBed.create('internal_api')]);
    service = await bed.start({ ZOOM_OAUTH_URL: zoom.url, ZOOM_API_URL: zoom.apiBaseUrl });
    apiKey = await bed.issueKey(service, 'acme');
    fetcherToken = bed.serviceTokens['zoom-fetcher'];
  });

  afterAll(async () => {
    await bed?.destroy();
    await Promise.all([zoom?.close(), oomnitza?.close()]);
  });

  afterEach(() => {
    for (const token of handedOut.splice(0)) expect(service.logs.text).not.toContain(token);
    expect(service.logs.text).not.toContain(ZOOM_ACCOUNT.app.clientSecret);
    expect(service.logs.text).not.toContain(oomnitza.token);
  });

  it('refuses callers without their service token with 401, whatever else they present', async () => {
    const credentialId = await createZoomCredential();
    const before = await mints();
    const paths: Array<['get' | 'post', string]> = [
      ['get', `/internal/zoom-credentials/${credentialId}/access-token`],
      ['post', `/internal/zoom-credentials/${credentialId}/access-token/invalidate`],
      ['get', `/internal/oomnitza-credentials/${randomUUID()}/token`],
    ];
    for (const [method, path] of paths) {
      for (const authorization of [undefined, `Bearer ${'x'.repeat(48)}`, `Bearer ${apiKey}`, `Bearer ${bed.adminKey}`, fetcherToken]) {
        const call = service.http()[method](path);
        const response = await (authorization ? call.set('Authorization', authorization) : call);
        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.headers['www-authenticate']).toBe('Bearer');
      }
    }
    expect(await mints()).toBe(before);
  });

  it('hands out a cached token: two requests, one mint, and the token works with Zoom', async () => {
    const credentialId = await createZoomCredential();
    const before = await mints();
    const first = await accessToken(credentialId);
    const second = await accessToken(credentialId);
    expect(second).toEqual(first);
    expect(await mints()).toBe(before + 1);
    expect(first.apiUrl).toBe(zoom.apiBaseUrl);
    expect(Date.parse(first.expiresAt)).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(await listUsersWith(zoom, first.accessToken)).toEqual({ status: 200, code: undefined });
  });

  it('mints once for many concurrent requests, and every caller gets that token', async () => {
    const credentialId = await createZoomCredential();
    const before = await mints();
    // A slow mint keeps the requests overlapping.
    zoom.faults.inject({ kind: 'latency', ms: 300, count: 1, pathPrefix: '/oauth/' });
    const tokens = await Promise.all(Array.from({ length: 10 }, () => accessToken(credentialId)));
    expect(new Set(tokens.map((token) => token.accessToken)).size).toBe(1);
    expect(await mints()).toBe(before + 1);
  });

  it('replaces a token Zoom refused (code 124) once, however many callers report it', async () => {
    const credentialId = await createZoomCredential();
    const refused = await accessToken(credentialId);
    const before = await mints();
    const replacements = await Promise.all(Array.from({ length: 5 }, () => replaceToken(credentialId, { refusedAccessToken: refused.accessToken })));
    const late = await replaceToken(credentialId, { refusedAccessToken: refused.accessToken });
    const fresh = replacements[0];
    expect(fresh.accessToken).not.toBe(refused.accessToken);
    expect([...replacements, late].every((token) => token.accessToken === fresh.accessToken)).toBe(true);
    expect(await mints()).toBe(before + 1);
    expect(await accessToken(credentialId)).toEqual(fresh);
    // The sandbox, like Zoom, keeps one live token per app: the old one is dead, the new one works.
    expect(await listUsersWith(zoom, refused.accessToken)).toEqual({ status: 401, code: 124 });
    expect(await listUsersWith(zoom, fresh.accessToken)).toEqual({ status: 200, code: undefined });
  });

  it('without the refused token named, hands out the token minted moments ago rather than minting again', async () => {
    const credentialId = await createZoomCredential();
    const current = await accessToken(credentialId);
    const before = await mints();
    expect(await replaceToken(credentialId)).toEqual(current);
    expect(await mints()).toBe(before);
  });

  it('mints a new token after the credential changes, and answers 404 once it is deleted', async () => {
    const credentialId = await createZoomCredential();
    const before = await accessToken(credentialId);
    await service.http().patch(`/zoom-credentials/${credentialId}`).set('Authorization', `Bearer ${apiKey}`).send({ name: `renamed ${randomUUID()}` }).expect(200);
    const after = await accessToken(credentialId);
    expect(after.accessToken).not.toBe(before.accessToken);
    await service.http().delete(`/zoom-credentials/${credentialId}`).set('Authorization', `Bearer ${apiKey}`).expect(204);
    const gone = await service.http().get(`/internal/zoom-credentials/${credentialId}/access-token`).set('Authorization', `Bearer ${fetcherToken}`);
    expect(gone.status).toBe(404);
    expect(gone.text).not.toContain(after.accessToken);
  });

  it("notices a change made through another replica: that replica's edit bumps the version this one checks", async () => {
    const credentialId = await createZoomCredential();
    const before = await accessToken(credentialId);
    const otherReplica = await bed.start({ ZOOM_OAUTH_URL: zoom.url, ZOOM_API_URL: zoom.apiBaseUrl });
    try {
      await otherReplica.http().patch(`/zoom-credentials/${credentialId}`).set('Authorization', `Bearer ${apiKey}`).send({ name: `renamed ${randomUUID()}` }).expect(200);
    } finally {
      await otherReplica.close();
    }
    const after = await accessToken(credentialId);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(await listUsersWith(zoom, after.accessToken)).toMatchObject({ status: 200 });
  });

  it('answers 422 (not retryable) when Zoom refuses the credential and 503 (retryable) when Zoom fails, caching neither', async () => {
    const wrongSecret = await createZoomCredential({ clientSecret: 'wrong-client-secret-0123456789' });
    const refused = await service.http().get(`/internal/zoom-credentials/${wrongSecret}/access-token`).set('Authorization', `Bearer ${fetcherToken}`);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      type: 'https://zoom-oomnitza-sync.dev/problems/zoom-credential-refused',
      detail: 'Zoom rejected the client id or client secret (invalid_client: Invalid client_id or client_secret)',
      retryable: false,
    });

    const credentialId = await createZoomCredential();
    zoom.faults.inject({ kind: 'server-error', count: 1, status: 503, pathPrefix: '/oauth/' });
    const unavailable = await service.http().get(`/internal/zoom-credentials/${credentialId}/access-token`).set('Authorization', `Bearer ${fetcherToken}`);
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toMatchObject({ type: 'https://zoom-oomnitza-sync.dev/problems/zoom-unavailable', detail: 'Zoom failed to answer the token request (HTTP 503)', retryable: true });
    const recovered = await accessToken(credentialId);
    expect(await listUsersWith(zoom, recovered.accessToken)).toMatchObject({ status: 200 });
  });

  it("hands out an Oomnitza credential's token and base URL, which pass Oomnitza's AuthTest", async () => {
    const created = await service
      .http()
      .post('/oomnitza-credentials')
      .set('Authorization', `Bearer ${apiKey}`)
      .send({ name: `oomnitza ${randomUUID()}`, baseUrl: oomnitza.url, apiToken: oomnitza.token })
      .expect(201);
    const response = await service
      .http()
      .get(`/internal/oomnitza-credentials/${created.body.id}/token`)
      .set('Authorization', `Bearer ${bed.serviceTokens['oomnitza-writer']}`)
      .expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({ apiToken: oomnitza.token, baseUrl: oomnitza.url });
    const authTest = await fetch(`${response.body.baseUrl}/api/v2/mappings?name=AuthTest`, { headers: { Authorization2: response.body.apiToken } });
    expect(authTest.status).toBe(200);
    expect(service.logs.text).toMatch(/"callingService":"oomnitza-writer".*"msg":"oomnitza api token handed out"/);
    const missing = await service.http().get(`/internal/oomnitza-credentials/${randomUUID()}/token`).set('Authorization', `Bearer ${fetcherToken}`);
    expect(missing.status).toBe(404);
  });

  it('marks the internal routes as internal in the API description', async () => {
    const document = (await service.http().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, { tags: string[]; 'x-internal'?: boolean }>> };
    const internal = Object.entries(document.paths).filter(([path]) => path.startsWith('/internal/'));
    expect(internal.map(([path]) => path).sort()).toEqual([
      '/internal/oomnitza-credentials/{id}/token',
      '/internal/zoom-credentials/{id}/access-token',
      '/internal/zoom-credentials/{id}/access-token/invalidate',
    ]);
    for (const [, operations] of internal) {
      for (const operation of Object.values(operations)) expect(operation).toMatchObject({ tags: ['internal'], 'x-internal': true });
    }
  });
});
