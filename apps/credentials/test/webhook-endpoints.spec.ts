import { messagingEntities } from '@zoom-oomnitza-sync/messaging';
import { createTestSchema, openServiceDataSource } from '@zoom-oomnitza-sync/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { InitialSchema1764240000000 } from '../src/migrations/1764240000000-initial-schema';
import { CredentialsSchema1764240100000 } from '../src/migrations/1764240100000-credentials-schema';
import { WebhookEndpoints1764240200000 } from '../src/migrations/1764240200000-webhook-endpoints';
import { CredentialsTestBed, RunningCredentials } from './support/credentials-test-bed';

const PUBLIC_BASE_URL = 'https://sync.example.com/zoom-oomnitza';
const WEBHOOK_TOKEN = 'zoom-webhook-token-V2ViaG9va1Rva2Vu';
const CLIENT_SECRET = 'zoom-client-secret-Q2xpZW50U2VjcmV0';
const ENDPOINT_ID = /^[A-Za-z0-9_-]{43}$/;

interface ZoomCredentialView {
  id: string;
  webhookUrl: string;
}

describe('Zoom webhook endpoints: each credential its URL, resolved for the zoom-fetcher only', () => {
  let bed: CredentialsTestBed;
  let service: RunningCredentials;
  let acme: string;
  /** Every response body of the running test: none may hold the webhook secret token. */
  const tenantBodies: string[] = [];

  const endpointIdOf = (credential: ZoomCredentialView) => credential.webhookUrl.split('/').pop() as string;
  const resolve = (endpointId: string, authorization?: string) => {
    const call = service.internalHttp().get(`/internal/zoom-webhook-endpoints/${endpointId}`);
    return authorization ? call.set('Authorization', authorization) : call;
  };

  async function asTenant(method: 'post' | 'get' | 'patch' | 'delete', path: string, body?: object) {
    const response = await service.http()[method](path).set('Authorization', `Bearer ${acme}`).send(body);
    tenantBodies.push(response.text);
    return response;
  }

  async function createZoomCredential(overrides: Record<string, unknown> = {}): Promise<ZoomCredentialView> {
    const created = await asTenant('post', '/zoom-credentials', {
      name: `Zoom ${randomUUID()}`,
      accountId: 'acct_Webhooks1',
      clientId: 'client_Webhooks1',
      clientSecret: CLIENT_SECRET,
      webhookSecretToken: WEBHOOK_TOKEN,
      ...overrides,
    });
    expect(created.status).toBe(201);
    return created.body as ZoomCredentialView;
  }

  beforeAll(async () => {
    bed = await CredentialsTestBed.create('webhook_endpoints');
    // A trailing slash is forgiven: the URLs never get a double one.
    service = await bed.start({ WEBHOOK_PUBLIC_BASE_URL: `${PUBLIC_BASE_URL}/` });
    acme = await bed.issueKey(service, 'acme');
  });

  afterAll(() => bed?.destroy());

  afterEach(() => {
    const everything = tenantBodies.splice(0).join('\n');
    for (const secret of [WEBHOOK_TOKEN, CLIENT_SECRET]) {
      expect(everything).not.toContain(secret);
      expect(service.logs.text).not.toContain(secret);
    }
  });

  it('gives every Zoom credential its own unguessable webhook URL, the same in every answer and after edits', async () => {
    const first = await createZoomCredential();
    const second = await createZoomCredential();

    for (const credential of [first, second]) {
      expect(credential.webhookUrl.startsWith(`${PUBLIC_BASE_URL}/webhooks/zoom/`)).toBe(true);
      expect(endpointIdOf(credential)).toMatch(ENDPOINT_ID);
    }
    expect(endpointIdOf(first)).not.toBe(endpointIdOf(second));
    expect((await asTenant('get', `/zoom-credentials/${first.id}`)).body.webhookUrl).toBe(first.webhookUrl);
    const listed = (await asTenant('get', '/zoom-credentials')).body as ZoomCredentialView[];
    expect(listed.find((credential) => credential.id === first.id)?.webhookUrl).toBe(first.webhookUrl);
    const edited = await asTenant('patch', `/zoom-credentials/${first.id}`, { clientSecret: `${CLIENT_SECRET}-rotated` });
    expect(edited.body.webhookUrl).toBe(first.webhookUrl);
  });

  it('resolves an endpoint for the zoom-fetcher: tenant, credential, account and the secret token', async () => {
    const credential = await createZoomCredential();

    const resolved = await resolve(endpointIdOf(credential), `Bearer ${bed.serviceTokens['zoom-fetcher']}`);

    expect(resolved.status).toBe(200);
    expect(resolved.headers['cache-control']).toBe('no-store');
    expect(resolved.body).toEqual({
      tenantId: 'acme',
      zoomCredentialId: credential.id,
      accountId: 'acct_Webhooks1',
      webhookSecretToken: WEBHOOK_TOKEN,
    });
    expect(service.logs.lines).toContainEqual(
      expect.objectContaining({ msg: 'zoom webhook secret token handed out', credentialId: credential.id, callingService: 'zoom-fetcher' }),
    );
  });

  it('refuses anyone but the zoom-fetcher: 401 without a service token, 403 for another service', async () => {
    const endpointId = endpointIdOf(await createZoomCredential());

    // The last is the fetcher's token without its Bearer scheme.
    for (const authorization of [undefined, `Bearer ${acme}`, `Bearer ${bed.adminKey}`, bed.serviceTokens['zoom-fetcher']]) {
      const refused = await resolve(endpointId, authorization);
      expect(refused.status).toBe(401);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.text).not.toContain(WEBHOOK_TOKEN);
    }
    const writer = await resolve(endpointId, `Bearer ${bed.serviceTokens['oomnitza-writer']}`);
    expect(writer.status).toBe(403);
    expect(writer.body).toMatchObject({ status: 403, detail: 'Only zoom-fetcher may call this endpoint.' });
    expect(writer.text).not.toContain(WEBHOOK_TOKEN);
  });

  it('answers 404 for an unknown or malformed endpoint and for a credential without a webhook secret token, deleted or not', async () => {
    const fetcher = `Bearer ${bed.serviceTokens['zoom-fetcher']}`;
    const withoutToken = await createZoomCredential({ webhookSecretToken: undefined });
    const tokenRemoved = await createZoomCredential();
    await asTenant('patch', `/zoom-credentials/${tokenRemoved.id}`, { webhookSecretToken: null });
    const deleted = await createZoomCredential();
    await asTenant('delete', `/zoom-credentials/${deleted.id}`);

    for (const endpointId of [
      randomBytes(32).toString('base64url'),
      'not-an-endpoint-id',
      endpointIdOf(withoutToken),
      endpointIdOf(tokenRemoved),
      endpointIdOf(deleted),
    ]) {
      const missing = await resolve(endpointId, fetcher);
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('gives the credentials that existed before the migration an endpoint id each', async () => {
    const schema = await createTestSchema('webhook_endpoint_backfill');
    const before = { entities: messagingEntities, migrations: [InitialSchema1764240000000, CredentialsSchema1764240100000] };
    const encrypted = 'v1.k1.aXY.dGFn.Y2lwaGVy';
    try {
      const old = await openServiceDataSource(schema, before);
      for (const name of ['first', 'second']) {
        await old.query(
          `INSERT INTO zoom_credentials (id, tenant_id, name, installation_type, account_id, client_id, client_secret, version)
           VALUES ($1, 'acme', $2, 'cloud', 'acct', 'client', $3, 1)`,
          [randomUUID(), name, encrypted],
        );
      }
      await old.destroy();
      const migrated = await openServiceDataSource(schema, {
        ...before,
        migrations: [...before.migrations, WebhookEndpoints1764240200000],
      });
      await migrated.destroy();

      const rows = await schema.query<{ webhook_endpoint_id: string }>('SELECT webhook_endpoint_id FROM zoom_credentials');
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => ENDPOINT_ID.test(row.webhook_endpoint_id))).toBe(true);
      expect(new Set(rows.map((row) => row.webhook_endpoint_id)).size).toBe(2);
    } finally {
      await schema.drop();
    }
  });
});
