import { ConfigService } from '@nestjs/config';
import { CredentialProblemError, CredentialsClient, CredentialsClientEnvironment } from '@zoom-oomnitza-sync/credentials-client';
import { PlatformDeployment, request, sampleOf, ServiceProcess, waitUntilReady } from '@zoom-oomnitza-sync/local-platform';
import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { waitFor } from '@zoom-oomnitza-sync/testing';
import { createZoomSandbox, ZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';
import { randomBytes, randomUUID } from 'node:crypto';

const ZOOM_ACCOUNT_ID = 'acctCredentialsTest01';
const ZOOM_APP = { clientId: 'clientGood01', clientSecret: 'good-client-secret-0123456789' };
const FETCHER_TOKEN = randomBytes(24).toString('hex');
const WRITER_TOKEN = randomBytes(24).toString('hex');
const SCHEDULER_TOKEN = randomBytes(24).toString('hex');
/** The tenant the services act for: the one that holds the credentials here. */
const FOR_ACME = { 'x-tenant-id': 'acme' };

interface HandedOutToken {
  accessToken: string;
  expiresAt: string;
  apiUrl: string;
}

/** What Zoom answers a call to list users with this token: 200, or 401 with code 124 for a dead token. */
async function listUsersWith(zoom: ZoomSandbox, accessToken: string): Promise<{ status: number; code?: number }> {
  const response = await fetch(`${zoom.apiBaseUrl}/users?page_size=1`, { headers: { authorization: `Bearer ${accessToken}` } });
  const body = (await response.json()) as { code?: number };
  return { status: response.status, code: body.code };
}

describe('internal API: the Zoom token broker and the Oomnitza token, for services only', () => {
  let deployment: PlatformDeployment;
  let zoom: ZoomSandbox;
  let oomnitza: OomnitzaSandbox;
  let credentials: ServiceProcess;
  let apiKey: string;
  let metricsKey: string;
  /** Every credentials process of this file: none may log a secret. */
  const processes: ServiceProcess[] = [];
  /** Every token handed out in the running test: none may reach the logs. */
  const handedOut: string[] = [];

  // Debug lines included: no secret may reach any log line.
  const settings = () => ({
    INTERNAL_SERVICE_TOKENS: `zoom-fetcher:${FETCHER_TOKEN},oomnitza-writer:${WRITER_TOKEN},scheduler:${SCHEDULER_TOKEN}`,
    ZOOM_OAUTH_URL: zoom.url,
    ZOOM_API_URL: zoom.apiBaseUrl,
    LOG_LEVEL: 'debug',
  });
  const accessTokenUrl = (credentialId: string) =>
    `${deployment.credentialsInternalUrl}/internal/zoom-credentials/${credentialId}/access-token`;
  const oomnitzaTokenUrl = (credentialId: string) =>
    `${deployment.credentialsInternalUrl}/internal/oomnitza-credentials/${credentialId}/token`;
  const clientWith = (serviceToken: string) =>
    new CredentialsClient(
      new ConfigService({
        ...new CredentialsClientEnvironment(),
        CREDENTIALS_URL: deployment.credentialsInternalUrl,
        CREDENTIALS_SERVICE_TOKEN: serviceToken,
      }),
    );

  async function mints(): Promise<number> {
    const metrics = await request<string>(`${credentials.baseUrl}/metrics`, { key: metricsKey });
    expect(metrics.status).toBe(200);
    return sampleOf(metrics.body, 'zoom_token_mints_total', { outcome: 'minted' });
  }

  async function createZoomCredential(overrides: Record<string, string> = {}): Promise<string> {
    const created = await request<{ id: string }>(`${credentials.baseUrl}/zoom-credentials`, {
      method: 'POST',
      key: apiKey,
      body: { name: `zoom ${randomUUID()}`, accountId: ZOOM_ACCOUNT_ID, ...ZOOM_APP, ...overrides },
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function accessToken(credentialId: string): Promise<HandedOutToken> {
    const response = await request<HandedOutToken>(accessTokenUrl(credentialId), { key: FETCHER_TOKEN, headers: FOR_ACME });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    handedOut.push(response.body.accessToken);
    return response.body;
  }

  async function replaceToken(credentialId: string, body: object = {}): Promise<HandedOutToken> {
    const response = await request<HandedOutToken>(`${accessTokenUrl(credentialId)}/invalidate`, {
      method: 'POST',
      key: FETCHER_TOKEN,
      headers: FOR_ACME,
      body,
    });
    expect(response.status).toBe(200);
    handedOut.push(response.body.accessToken);
    return response.body;
  }

  const renameThrough = (service: ServiceProcess, credentialId: string) =>
    request(`${service.baseUrl}/zoom-credentials/${credentialId}`, {
      method: 'PATCH',
      key: apiKey,
      body: { name: `renamed ${randomUUID()}` },
    });

  beforeAll(async () => {
    [deployment, zoom, oomnitza] = await Promise.all([
      PlatformDeployment.create('internal_api'),
      // Each mint invalidates the app's previous token, so a token handed out works only if nobody minted since.
      createZoomSandbox({ maxTokensPerApp: 1, accounts: [{ accountId: ZOOM_ACCOUNT_ID, users: 3, apps: [ZOOM_APP] }] }),
      createOomnitzaSandbox(),
    ]);
    credentials = await deployment.start('credentials', settings());
    processes.push(credentials);
    await waitUntilReady(credentials);
    [apiKey, metricsKey] = await Promise.all([
      deployment.issueApiKey('acme', ['credentials:read', 'credentials:write'], [credentials]),
      deployment.issueApiKey('operations', ['metrics:read'], [credentials]),
    ]);
  });

  afterAll(async () => {
    await deployment?.destroy();
    await Promise.all([zoom?.close(), oomnitza?.close()]);
  });

  afterEach(() => {
    const logs = processes.map((service) => service.output()).join('\n');
    for (const secret of [ZOOM_APP.clientSecret, oomnitza.token, FETCHER_TOKEN, WRITER_TOKEN, ...handedOut.splice(0)]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('refuses callers without their service token with 401, whatever else they present', async () => {
    const credentialId = await createZoomCredential();
    const before = await mints();
    const calls: Array<['GET' | 'POST', string]> = [
      ['GET', accessTokenUrl(credentialId)],
      ['POST', `${accessTokenUrl(credentialId)}/invalidate`],
      ['GET', oomnitzaTokenUrl(randomUUID())],
    ];
    // The last is the service token without its Bearer scheme.
    const authorizations = [undefined, `Bearer ${'x'.repeat(48)}`, `Bearer ${apiKey}`, `Bearer ${deployment.adminKey}`, FETCHER_TOKEN];
    for (const [method, url] of calls) {
      for (const authorization of authorizations) {
        const response = await fetch(url, { method, headers: authorization ? { authorization } : {} });
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
        expect(await response.json()).toMatchObject({ status: 401 });
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
    const replacements = await Promise.all(
      Array.from({ length: 5 }, () => replaceToken(credentialId, { refusedAccessToken: refused.accessToken })),
    );
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
    expect((await renameThrough(credentials, credentialId)).status).toBe(200);
    const after = await accessToken(credentialId);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect((await request(`${credentials.baseUrl}/zoom-credentials/${credentialId}`, { method: 'DELETE', key: apiKey })).status).toBe(204);
    const gone = await request(accessTokenUrl(credentialId), { key: FETCHER_TOKEN, headers: FOR_ACME });
    expect(gone.status).toBe(404);
    expect(JSON.stringify(gone.body)).not.toContain(after.accessToken);
  });

  it("notices a change made through another replica: that replica's edit bumps the version this one checks", async () => {
    const credentialId = await createZoomCredential();
    const before = await accessToken(credentialId);
    const otherReplica = await deployment.startReplica('credentials', settings());
    processes.push(otherReplica);
    try {
      await waitUntilReady(otherReplica);
      expect((await renameThrough(otherReplica, credentialId)).status).toBe(200);
    } finally {
      await otherReplica.stop();
    }
    const after = await accessToken(credentialId);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(await listUsersWith(zoom, after.accessToken)).toMatchObject({ status: 200 });
  });

  it('answers 422 (not retryable) when Zoom refuses the credential and 503 (retryable) when Zoom fails, caching neither', async () => {
    const wrongSecret = await createZoomCredential({ clientSecret: 'wrong-client-secret-0123456789' });
    const problem = 'Zoom rejected the client id or client secret (invalid_client: Invalid client_id or client_secret)';
    const refused = await request(accessTokenUrl(wrongSecret), { key: FETCHER_TOKEN, headers: FOR_ACME });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      type: 'https://zoom-oomnitza-sync.dev/problems/zoom-credential-refused',
      detail: problem,
      retryable: false,
    });
    // As the zoom-fetcher sees it, through the credentials client library: a problem not worth retrying.
    const refusal = await clientWith(FETCHER_TOKEN)
      .zoomAccessToken({ tenantId: 'acme', credentialId: wrongSecret })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CredentialProblemError);
    expect(refusal).toMatchObject({ status: 422, problem });

    const credentialId = await createZoomCredential();
    zoom.faults.inject({ kind: 'server-error', count: 1, status: 503, pathPrefix: '/oauth/' });
    const unavailable = await request(accessTokenUrl(credentialId), { key: FETCHER_TOKEN, headers: FOR_ACME });
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toMatchObject({
      type: 'https://zoom-oomnitza-sync.dev/problems/zoom-unavailable',
      detail: 'Zoom failed to answer the token request (HTTP 503)',
      retryable: true,
    });
    const recovered = await accessToken(credentialId);
    expect(await listUsersWith(zoom, recovered.accessToken)).toMatchObject({ status: 200 });
  });

  it("hands out an Oomnitza credential's token and base URL, which pass Oomnitza's AuthTest", async () => {
    const created = await request<{ id: string }>(`${credentials.baseUrl}/oomnitza-credentials`, {
      method: 'POST',
      key: apiKey,
      body: { name: `oomnitza ${randomUUID()}`, baseUrl: oomnitza.url, apiToken: oomnitza.token },
    });
    expect(created.status).toBe(201);
    const response = await request<{ apiToken: string; baseUrl: string }>(oomnitzaTokenUrl(created.body.id), {
      key: WRITER_TOKEN,
      headers: FOR_ACME,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({ apiToken: oomnitza.token, baseUrl: oomnitza.url });
    // The oomnitza-writer asks through the credentials client library.
    await expect(clientWith(WRITER_TOKEN).oomnitzaAccess({ tenantId: 'acme', credentialId: created.body.id })).resolves.toEqual({
      apiToken: oomnitza.token,
      baseUrl: oomnitza.url,
    });
    const authTest = await fetch(`${response.body.baseUrl}/api/v2/mappings?name=AuthTest`, {
      headers: { Authorization2: response.body.apiToken },
    });
    expect(authTest.status).toBe(200);
    // Logged before the answer is sent, but stdout and the HTTP connection are separate pipes: the line may come second.
    await waitFor(() => /"callingService":"oomnitza-writer".*"msg":"oomnitza api token handed out"/.test(credentials.output()), {
      description: 'the hand-out to be logged',
    });
    const missing = await request(oomnitzaTokenUrl(randomUUID()), { key: WRITER_TOKEN, headers: FOR_ACME });
    expect(missing.status).toBe(404);
  });

  it("describes the credential's Oomnitza to the scheduler alone: its people fields and roles, never its token", async () => {
    const created = await request<{ id: string }>(`${credentials.baseUrl}/oomnitza-credentials`, {
      method: 'POST',
      key: apiKey,
      body: { name: `oomnitza ${randomUUID()}`, baseUrl: oomnitza.url, apiToken: oomnitza.token },
    });
    const catalogueUrl = `${deployment.credentialsInternalUrl}/internal/oomnitza-credentials/${created.body.id}/catalogue`;
    const catalogue = await clientWith(SCHEDULER_TOKEN).oomnitzaCatalogue({ tenantId: 'acme', credentialId: created.body.id });
    expect(catalogue.unavailable).toEqual([]);
    expect(catalogue.roles).toEqual([
      { id: 1, name: 'Administrator' },
      { id: 2, name: 'Manager' },
      { id: 25, name: 'Employee' },
    ]);
    expect(catalogue.fields).toContainEqual({ id: 'EMAIL', label: 'Email', type: 'string', unique: true, mandatory: true });
    expect(catalogue.fields).toContainEqual({
      id: oomnitza.customFieldIds['Zoom ID'],
      label: 'Zoom ID',
      type: 'string',
      unique: true,
      mandatory: false,
    });
    expect(JSON.stringify(catalogue)).not.toContain(oomnitza.token);
    for (const key of [WRITER_TOKEN, FETCHER_TOKEN]) {
      expect((await request(catalogueUrl, { key, headers: FOR_ACME })).status).toBe(403);
    }
    expect((await request(catalogueUrl, { key: SCHEDULER_TOKEN, headers: { 'x-tenant-id': 'globex' } })).status).toBe(404);
  });

  it('needs the tenant the service acts for, and finds no credential of another tenant (404), handing out and minting nothing', async () => {
    const zoomCredentialId = await createZoomCredential();
    const oomnitzaCredential = await request<{ id: string }>(`${credentials.baseUrl}/oomnitza-credentials`, {
      method: 'POST',
      key: apiKey,
      body: { name: `oomnitza ${randomUUID()}`, baseUrl: oomnitza.url, apiToken: oomnitza.token },
    });
    const before = await mints();

    const unnamed = await request<{ errors: { field: string }[] }>(accessTokenUrl(zoomCredentialId), { key: FETCHER_TOKEN });
    expect(unnamed).toMatchObject({ status: 400, body: { errors: [{ field: 'x-tenant-id' }] } });
    expect(unnamed.contentType).toContain('application/problem+json');
    const forGlobex = { 'x-tenant-id': 'globex' };
    for (const [url, method, key] of [
      [accessTokenUrl(zoomCredentialId), 'GET', FETCHER_TOKEN],
      [`${accessTokenUrl(zoomCredentialId)}/invalidate`, 'POST', FETCHER_TOKEN],
      [oomnitzaTokenUrl(oomnitzaCredential.body.id), 'GET', WRITER_TOKEN],
    ] as const) {
      const response = await request(url, { method, key, headers: forGlobex, ...(method === 'POST' ? { body: {} } : {}) });
      expect({ url, status: response.status }).toEqual({ url, status: 404 });
      expect(JSON.stringify(response.body)).not.toContain(oomnitza.token);
    }
    const refused = await clientWith(FETCHER_TOKEN)
      .zoomAccessToken({ tenantId: 'globex', credentialId: zoomCredentialId })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 404 });
    expect(await mints()).toBe(before);
  });

  it('lets each service reach only the routes it needs: no Oomnitza token for the zoom-fetcher, no Zoom token for the writer', async () => {
    const zoomCredentialId = await createZoomCredential();
    const before = await mints();

    const zoomForWriter = await request(accessTokenUrl(zoomCredentialId), { key: WRITER_TOKEN, headers: FOR_ACME });
    const oomnitzaForFetcher = await request(oomnitzaTokenUrl(randomUUID()), { key: FETCHER_TOKEN, headers: FOR_ACME });

    expect([zoomForWriter.status, oomnitzaForFetcher.status]).toEqual([403, 403]);
    expect(zoomForWriter.contentType).toContain('application/problem+json');
    expect(await mints()).toBe(before);
  });

  it('marks the internal routes as internal in the API description', async () => {
    const description = await request<{ paths: Record<string, Record<string, { tags: string[]; 'x-internal'?: boolean }>> }>(
      `${credentials.baseUrl}/docs-json`,
    );
    expect(description.status).toBe(200);
    const internal = Object.entries(description.body.paths).filter(([path]) => path.startsWith('/internal/'));
    expect(internal.map(([path]) => path).sort()).toEqual([
      '/internal/oomnitza-credentials/{id}/catalogue',
      '/internal/oomnitza-credentials/{id}/token',
      '/internal/zoom-credentials/{id}/access-token',
      '/internal/zoom-credentials/{id}/access-token/invalidate',
      '/internal/zoom-webhook-endpoints/{endpointId}',
    ]);
    for (const [, operations] of internal) {
      for (const operation of Object.values(operations)) {
        expect(operation).toMatchObject({ tags: ['internal'], 'x-internal': true });
      }
    }
  });
});
