import { waitFor } from '@zoom-oomnitza-sync/testing';
import { CredentialsTestBed, newEncryptionKey, RunningCredentials } from './support/credentials-test-bed';

const ZOOM_SECRET = 'zoom-client-secret-under-old-key';
const WEBHOOK_TOKEN = 'webhook-token-under-the-old-key';
const OOMNITZA_TOKEN = 'oomnitza-token-under-old-key-1234';

/** The key ids the secrets of a Zoom and an Oomnitza credential are stored under. */
async function keyIdsOf(bed: CredentialsTestBed, zoomId: string, oomnitzaId: string): Promise<string[]> {
  const rows = await bed.schema.query<{ key_id: string }>(
    `SELECT split_part(client_secret, '.', 2) AS key_id FROM zoom_credentials WHERE id = $1
     UNION ALL SELECT split_part(webhook_secret_token, '.', 2) FROM zoom_credentials WHERE id = $1
     UNION ALL SELECT split_part(api_token, '.', 2) FROM oomnitza_credentials WHERE id = $2`,
    [zoomId, oomnitzaId],
  );
  return rows.map((row) => row.key_id);
}

describe('encryption key rotation', () => {
  const oldKey = newEncryptionKey();
  const newKey = newEncryptionKey();
  let bed: CredentialsTestBed;
  let apiKey: string;
  let zoomId: string;
  let oomnitzaId: string;
  let service: RunningCredentials | undefined;

  const restartWith = async (keys: string, active: string) => {
    await service?.close();
    service = await bed.start({ CREDENTIALS_ENCRYPTION_KEYS: keys, CREDENTIALS_ACTIVE_KEY_ID: active });
    return service;
  };
  const as = (running: RunningCredentials) => ({
    get: (path: string) => running.http().get(path).set('Authorization', `Bearer ${apiKey}`),
    patch: (path: string, body: object) => running.http().patch(path).set('Authorization', `Bearer ${apiKey}`).send(body),
    internal: (path: string) =>
      running.internalHttp().get(path).set('Authorization', `Bearer ${bed.serviceTokens['oomnitza-writer']}`).set('X-Tenant-Id', 'acme'),
  });

  beforeAll(async () => {
    bed = await CredentialsTestBed.create('key_rotation');
    const first = await restartWith(`old:${oldKey}`, 'old');
    apiKey = await bed.issueKey(first, 'acme');
    const zoom = await first
      .http()
      .post('/zoom-credentials')
      .set('Authorization', `Bearer ${apiKey}`)
      .send({ name: 'Acme Zoom', accountId: 'acct1', clientId: 'client1', clientSecret: ZOOM_SECRET, webhookSecretToken: WEBHOOK_TOKEN })
      .expect(201);
    const oomnitza = await first
      .http()
      .post('/oomnitza-credentials')
      .set('Authorization', `Bearer ${apiKey}`)
      .send({ name: 'Acme Oomnitza', baseUrl: 'https://acme.oomnitza.com', apiToken: OOMNITZA_TOKEN })
      .expect(201);
    zoomId = zoom.body.id;
    oomnitzaId = oomnitza.body.id;
    expect(await keyIdsOf(bed, zoomId, oomnitzaId)).toEqual(['old', 'old', 'old']);
  });

  afterAll(() => bed?.destroy());

  it('re-encrypts every stored secret under the new active key in the background after a restart, then needs the old key no more', async () => {
    const rotated = await restartWith(`old:${oldKey},new:${newKey}`, 'new');
    await waitFor(async () => (await keyIdsOf(bed, zoomId, oomnitzaId)).every((keyId) => keyId === 'new'), {
      description: 'every secret under the new key',
    });
    await as(rotated)
      .get(`/zoom-credentials/${zoomId}`)
      .expect(200)
      .expect((response) => {
        expect(response.body.clientSecret).toEqual({ set: true, last4: ZOOM_SECRET.slice(-4) });
      });

    const newOnly = await restartWith(`new:${newKey}`, 'new');
    await as(newOnly)
      .get(`/zoom-credentials/${zoomId}`)
      .expect(200)
      .expect((response) => {
        expect(response.body).toMatchObject({
          clientSecret: { set: true, last4: ZOOM_SECRET.slice(-4) },
          webhookSecretToken: { set: true, last4: WEBHOOK_TOKEN.slice(-4) },
        });
      });
    await as(newOnly)
      .internal(`/internal/oomnitza-credentials/${oomnitzaId}/token`)
      .expect(200, { apiToken: OOMNITZA_TOKEN, baseUrl: 'https://acme.oomnitza.com' });
    await as(newOnly).patch(`/zoom-credentials/${zoomId}`, { name: 'Acme Zoom renamed' }).expect(200);
  });

  it('fails loudly, naming the key id, when a stored value is used that needs a key no longer configured; it is still shown', async () => {
    const created = await (
      await restartWith(`old:${oldKey},new:${newKey}`, 'old')
    )
      .http()
      .post('/oomnitza-credentials')
      .set('Authorization', `Bearer ${apiKey}`)
      .send({ name: `Under old ${Date.now()}`, baseUrl: 'https://acme.oomnitza.com', apiToken: OOMNITZA_TOKEN })
      .expect(201);
    const withoutOld = await restartWith(`new:${newKey}`, 'new');
    const shown = await as(withoutOld).get(`/oomnitza-credentials/${created.body.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.apiToken).toEqual({ set: true, last4: OOMNITZA_TOKEN.slice(-4) });
    const response = await withoutOld
      .internalHttp()
      .get(`/internal/oomnitza-credentials/${created.body.id}/token`)
      .set('Authorization', `Bearer ${bed.serviceTokens['oomnitza-writer']}`)
      .set('X-Tenant-Id', 'acme');
    expect(response.status).toBe(500);
    expect(response.text).not.toContain(OOMNITZA_TOKEN);
    expect(withoutOld.logs.text).toContain('encrypted under key \\"old\\", which is not configured');
  });
});
