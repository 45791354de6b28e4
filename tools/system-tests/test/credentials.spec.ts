import { ConfigService } from '@nestjs/config';
import { CredentialsChanged } from '@zoom-oomnitza-sync/contracts';
import { CredentialsClient, CredentialsClientEnvironment } from '@zoom-oomnitza-sync/credentials-client';
import { readTopic } from '@zoom-oomnitza-sync/testing';
import { randomBytes } from 'node:crypto';
import { createZoomSandbox, ZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';
import { PlatformDeployment, request, ServiceProcess, waitUntilReady } from '@zoom-oomnitza-sync/local-platform';

const ZOOM_APP = { clientId: 'clientSystemTest01', clientSecret: 'system-test-client-secret-0123456789' };
const ZOOM_ACCOUNT_ID = 'acctSystemTest01';
const FETCHER_TOKEN = randomBytes(24).toString('hex');

describe('the credentials service as a process: secrets stored, tested and brokered, never shown', () => {
  let deployment: PlatformDeployment;
  let zoom: ZoomSandbox;
  let credentials: ServiceProcess;
  let apiKey: string;
  const encryptionKey = randomBytes(32).toString('base64');

  const fetcherClient = () =>
    new CredentialsClient(
      new ConfigService({
        ...new CredentialsClientEnvironment(),
        CREDENTIALS_URL: deployment.credentialsInternalUrl,
        CREDENTIALS_SERVICE_TOKEN: FETCHER_TOKEN,
      }),
    );

  const settings = () => ({
    CREDENTIALS_ENCRYPTION_KEYS: `2025a:${encryptionKey}`,
    CREDENTIALS_ACTIVE_KEY_ID: '2025a',
    INTERNAL_SERVICE_TOKENS: `zoom-fetcher:${FETCHER_TOKEN}`,
    ZOOM_OAUTH_URL: zoom.url,
    ZOOM_API_URL: zoom.apiBaseUrl,
  });

  beforeAll(async () => {
    [deployment, zoom] = await Promise.all([
      PlatformDeployment.create('credentials'),
      createZoomSandbox({ maxTokensPerApp: 1, accounts: [{ accountId: ZOOM_ACCOUNT_ID, users: 3, apps: [ZOOM_APP] }] }),
    ]);
    credentials = await deployment.start('credentials', settings());
    await waitUntilReady(credentials);
    apiKey = await deployment.issueApiKey('acme', ['credentials:read', 'credentials:write'], [credentials]);
  });

  afterAll(async () => {
    await deployment?.destroy();
    await zoom?.close();
  });

  it('refuses to start with a malformed encryption key, naming the setting and the key but not its material', async () => {
    const shortKey = randomBytes(16).toString('base64');
    const refused = await deployment.start('credentials', { ...settings(), CREDENTIALS_ENCRYPTION_KEYS: `2025a:${shortKey}` });
    expect(await refused.exited()).toBe(1);
    const fatal = refused
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: string; msg: string })
      .find((entry) => entry.level === 'fatal');
    expect(fatal?.msg).toContain(
      '- CREDENTIALS_ENCRYPTION_KEYS: CREDENTIALS_ENCRYPTION_KEYS key "2025a" must be the base64 of exactly 32 bytes (it decodes to 16 bytes)',
    );
    expect(refused.output()).not.toContain(shortKey);
  });

  it('stores, tests and brokers a Zoom credential end to end, and the secrets reach no response, log line, table or topic', async () => {
    const created = await request<{ id: string; clientSecret: unknown }>(`${credentials.baseUrl}/zoom-credentials`, {
      method: 'POST',
      key: apiKey,
      body: { name: 'Acme Zoom', accountId: ZOOM_ACCOUNT_ID, ...ZOOM_APP },
    });
    expect(created.status).toBe(201);
    expect(created.body.clientSecret).toEqual({ set: true, last4: ZOOM_APP.clientSecret.slice(-4) });
    const id = created.body.id;

    const tested = await request(`${credentials.baseUrl}/zoom-credentials/${id}/test`, { method: 'POST', key: apiKey });
    expect(tested).toMatchObject({ status: 200, body: { ok: true } });

    // As the zoom-fetcher asks: through the credentials client library.
    const first = await fetcherClient().zoomAccessToken({ tenantId: 'acme', credentialId: id });
    const second = await fetcherClient().zoomAccessToken({ tenantId: 'acme', credentialId: id });
    expect(first.apiUrl).toBe(zoom.apiBaseUrl);
    expect(second.accessToken).toBe(first.accessToken);
    const users = await fetch(`${first.apiUrl}/users?page_size=1`, { headers: { authorization: `Bearer ${first.accessToken}` } });
    expect(users.status).toBe(200);
    const replaced = await request<{ accessToken: string }>(
      `${deployment.credentialsInternalUrl}/internal/zoom-credentials/${id}/access-token/invalidate`,
      {
        method: 'POST',
        key: FETCHER_TOKEN,
        headers: { 'x-tenant-id': 'acme' },
        body: { refusedAccessToken: first.accessToken },
      },
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body.accessToken).not.toBe(first.accessToken);
    expect(
      (await request(`${deployment.credentialsInternalUrl}/internal/zoom-credentials/${id}/access-token`, { key: apiKey })).status,
    ).toBe(401);

    const [row] = await deployment.query<Record<string, string>>('credentials', 'SELECT * FROM zoom_credentials WHERE id = $1', [id]);
    expect(row.client_secret).toMatch(/^v1\.2025a\./);
    const changes = await readTopic(deployment.topics.name(CredentialsChanged.topic), {
      until: (read) => read.some((message) => message.key === id),
    });
    expect(changes.find((message) => message.key === id)?.json()).toMatchObject({
      payload: { credentialId: id, kind: 'zoom', change: 'created' },
    });

    const everywhere = [
      JSON.stringify([created, tested]),
      JSON.stringify(row),
      changes.map((message) => message.value).join('\n'),
      credentials.output(),
    ].join('\n');
    expect(everywhere).not.toContain(ZOOM_APP.clientSecret);
    for (const token of [first.accessToken, replaced.body.accessToken, FETCHER_TOKEN]) {
      expect(credentials.output()).not.toContain(token);
    }
  });
});
