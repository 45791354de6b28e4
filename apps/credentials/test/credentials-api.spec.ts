import { ReadMessage, readTopic, waitFor } from '@zoom-oomnitza-sync/testing';
import { CredentialsTestBed, RunningCredentials } from './support/credentials-test-bed';

const ZOOM_SECRET = 'zoom-client-secret-Qm9vS2VlcGVy';
const WEBHOOK_TOKEN = 'zoom-webhook-token-ZXhhbXBsZQ';
const OOMNITZA_TOKEN = 'oomnitza-api-token-c2VjcmV0VG9rZW4';
const NEW_ZOOM_SECRET = 'rotated-zoom-secret-bmV3U2VjcmV0';

const zoomInput = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  accountId: 'acct_AbC123',
  clientId: 'client_XyZ789',
  clientSecret: ZOOM_SECRET,
  webhookSecretToken: WEBHOOK_TOKEN,
  ...overrides,
});

describe('credentials API: CRUD, masking, encryption at rest, tenant isolation, change events', () => {
  let bed: CredentialsTestBed;
  let service: RunningCredentials;
  let acme: string;
  let globex: string;
  /** Every response body of the running test, as sent: none may hold a secret. */
  const bodies: string[] = [];

  const as = (key: string) => ({
    post: (path: string, body?: object) => record(service.http().post(path).set('Authorization', `Bearer ${key}`).send(body)),
    get: (path: string) => record(service.http().get(path).set('Authorization', `Bearer ${key}`)),
    patch: (path: string, body: object) => record(service.http().patch(path).set('Authorization', `Bearer ${key}`).send(body)),
    delete: (path: string) => record(service.http().delete(path).set('Authorization', `Bearer ${key}`)),
  });

  async function record(call: PromiseLike<{ text: string; status: number; body: unknown; headers: Record<string, string> }>) {
    const response = await call;
    bodies.push(response.text);
    return response;
  }

  beforeAll(async () => {
    bed = await CredentialsTestBed.create('credentials_api');
    service = await bed.start();
    acme = await bed.issueKey(service, 'acme');
    globex = await bed.issueKey(service, 'globex');
  });

  afterAll(async () => {
    await bed?.destroy();
  });

  afterEach(() => {
    const everything = bodies.splice(0).join('\n');
    for (const secret of [ZOOM_SECRET, WEBHOOK_TOKEN, OOMNITZA_TOKEN, NEW_ZOOM_SECRET]) {
      expect(everything).not.toContain(secret);
      expect(service.logs.text).not.toContain(secret);
    }
  });

  it('creates a Zoom credential and shows it with its secrets masked, never their values', async () => {
    const created = await as(acme).post('/zoom-credentials', zoomInput('Acme Zoom'));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      tenantId: 'acme',
      name: 'Acme Zoom',
      installationType: 'cloud',
      accountId: 'acct_AbC123',
      clientId: 'client_XyZ789',
      clientSecret: { set: true, last4: ZOOM_SECRET.slice(-4) },
      webhookSecretToken: { set: true, last4: WEBHOOK_TOKEN.slice(-4) },
      webhookUrl: expect.stringMatching(/^http:\/\/localhost:3103\/webhooks\/zoom\/[A-Za-z0-9_-]{43}$/),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = (created.body as { id: string }).id;
    const listed = await as(acme).get('/zoom-credentials');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([created.body]);
    const read = await as(acme).get(`/zoom-credentials/${id}`);
    expect(read.body).toEqual(created.body);
    expect(`${created.text}${listed.text}${read.text}`).not.toContain(ZOOM_SECRET);
    expect(`${created.text}${listed.text}${read.text}`).not.toContain(WEBHOOK_TOKEN);
  });

  it('stores only ciphertext, in the versioned form naming the key', async () => {
    const created = await as(acme).post('/zoom-credentials', zoomInput('Acme Zoom stored'));
    const oomnitza = await as(acme).post('/oomnitza-credentials', {
      name: 'Acme stored',
      baseUrl: 'https://acme.oomnitza.com',
      apiToken: OOMNITZA_TOKEN,
    });
    const [zoomRow] = await bed.schema.query('SELECT * FROM zoom_credentials WHERE id = $1', [(created.body as { id: string }).id]);
    const [oomnitzaRow] = await bed.schema.query('SELECT * FROM oomnitza_credentials WHERE id = $1', [
      (oomnitza.body as { id: string }).id,
    ]);
    for (const stored of [zoomRow.client_secret, zoomRow.webhook_secret_token, oomnitzaRow.api_token]) {
      expect(stored).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    }
    const rows = JSON.stringify([zoomRow, oomnitzaRow]);
    for (const secret of [ZOOM_SECRET, WEBHOOK_TOKEN, OOMNITZA_TOKEN]) {
      expect(rows).not.toContain(secret);
      expect(rows).not.toContain(Buffer.from(secret).toString('base64url'));
    }
    expect(zoomRow).toMatchObject({ tenant_id: 'acme', installation_type: 'cloud', account_id: 'acct_AbC123', client_id: 'client_XyZ789' });
  });

  it('lists and shows credentials whose secret can no longer be decrypted, masks as stored at write time', async () => {
    const tenant = await bed.issueKey(service, 'initech');
    const healthy = await as(tenant).post('/zoom-credentials', zoomInput('Initech Zoom'));
    const broken = await as(tenant).post('/zoom-credentials', zoomInput('Initech Zoom old'));
    const brokenOomnitza = await as(tenant).post('/oomnitza-credentials', {
      name: 'Initech old',
      baseUrl: 'https://initech.oomnitza.com',
      apiToken: OOMNITZA_TOKEN,
    });
    // Encrypted under a key no longer configured: nothing can decrypt them now.
    const underLostKey = (column: string) => `regexp_replace(${column}, '^v1\\.k1\\.', 'v1.lost.')`;
    await bed.schema.query(`UPDATE zoom_credentials SET client_secret = ${underLostKey('client_secret')} WHERE id = $1`, [
      (broken.body as { id: string }).id,
    ]);
    await bed.schema.query(`UPDATE oomnitza_credentials SET api_token = ${underLostKey('api_token')} WHERE id = $1`, [
      (brokenOomnitza.body as { id: string }).id,
    ]);

    const zoomList = await as(tenant).get('/zoom-credentials');
    expect(zoomList.status).toBe(200);
    expect(
      (zoomList.body as { name: string; clientSecret: unknown }[]).map((credential) => [credential.name, credential.clientSecret]),
    ).toEqual([
      ['Initech Zoom', { set: true, last4: ZOOM_SECRET.slice(-4) }],
      ['Initech Zoom old', { set: true, last4: ZOOM_SECRET.slice(-4) }],
    ]);
    expect((await as(tenant).get(`/zoom-credentials/${(healthy.body as { id: string }).id}`)).status).toBe(200);
    const oomnitzaList = await as(tenant).get('/oomnitza-credentials');
    expect(oomnitzaList.status).toBe(200);
    expect((oomnitzaList.body as { apiToken: unknown }[]).map((credential) => credential.apiToken)).toEqual([
      { set: true, last4: OOMNITZA_TOKEN.slice(-4) },
    ]);
  });

  it('fills at startup the masks of credentials stored before masks were kept', async () => {
    const tenant = await bed.issueKey(service, 'hooli');
    const older = await as(tenant).post('/zoom-credentials', zoomInput('Hooli Zoom'));
    const olderOomnitza = await as(tenant).post('/oomnitza-credentials', {
      name: 'Hooli',
      baseUrl: 'https://hooli.oomnitza.com',
      apiToken: OOMNITZA_TOKEN,
    });
    await bed.schema.query(`UPDATE zoom_credentials SET client_secret_last4 = NULL, webhook_secret_token_last4 = NULL WHERE id = $1`, [
      (older.body as { id: string }).id,
    ]);
    await bed.schema.query(`UPDATE oomnitza_credentials SET api_token_last4 = NULL WHERE id = $1`, [
      (olderOomnitza.body as { id: string }).id,
    ]);

    const restarted = await bed.start();
    try {
      const read = (path: string) => restarted.http().get(path).set('Authorization', `Bearer ${tenant}`);
      await waitFor(async () => (await read('/oomnitza-credentials')).body[0]?.apiToken?.last4 === OOMNITZA_TOKEN.slice(-4), {
        description: 'the Oomnitza token mask filled',
      });
      const [zoom] = (await read('/zoom-credentials')).body as { clientSecret: unknown; webhookSecretToken: unknown }[];
      expect(zoom).toMatchObject({
        clientSecret: { set: true, last4: ZOOM_SECRET.slice(-4) },
        webhookSecretToken: { set: true, last4: WEBHOOK_TOKEN.slice(-4) },
      });
    } finally {
      await restarted.close();
    }
  });

  it('refuses a plaintext secret at the database too', async () => {
    const created = await as(acme).post('/zoom-credentials', zoomInput('Acme constrained'));
    const id = (created.body as { id: string }).id;
    await expect(bed.schema.query("UPDATE zoom_credentials SET client_secret = 'plain-secret' WHERE id = $1", [id])).rejects.toThrow(
      /check constraint/,
    );
  });

  it.each([
    ['cloud metadata', 'http://169.254.169.254'],
    ['a private network', 'https://10.20.30.40'],
    ['IPv6 unique-local', 'https://[fd00:ec2::254]'],
  ])('refuses an Oomnitza base URL on %s with 422 problem+json, storing nothing', async (_, baseUrl) => {
    const name = `Acme internal ${baseUrl}`;
    const refused = await as(acme).post('/oomnitza-credentials', { name, baseUrl, apiToken: OOMNITZA_TOKEN });

    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      type: 'https://zoom-oomnitza-sync.dev/problems/oomnitza-address-refused',
      errors: [{ field: 'baseUrl', message: expect.stringMatching(/is not a public address/) }],
    });
    const names = ((await as(acme).get('/oomnitza-credentials')).body as Array<{ name: string }>).map((credential) => credential.name);
    expect(names).not.toContain(name);
  });

  it('refuses changing an Oomnitza base URL to a private address, keeping the one it had', async () => {
    const created = await as(acme).post('/oomnitza-credentials', {
      name: 'Acme to be moved',
      baseUrl: 'https://acme.oomnitza.com',
      apiToken: OOMNITZA_TOKEN,
    });
    const id = (created.body as { id: string }).id;

    const moved = await as(acme).patch(`/oomnitza-credentials/${id}`, { baseUrl: 'http://192.168.0.10' });

    expect(moved.status).toBe(422);
    expect((await as(acme).get(`/oomnitza-credentials/${id}`)).body).toMatchObject({ baseUrl: 'https://acme.oomnitza.com' });
  });

  it('refuses a Local installation for Zoom with 422 problem+json saying Zoom needs OAuth', async () => {
    const refused = await as(acme).post('/zoom-credentials', zoomInput('Acme local', { installationType: 'local' }));
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      type: 'https://zoom-oomnitza-sync.dev/problems/zoom-needs-cloud-installation',
      title: 'Zoom needs a Cloud installation',
      detail: expect.stringMatching(/Server-to-Server OAuth.*Local installation supports neither OAuth nor AWS/),
      errors: [{ field: 'installationType', message: expect.stringContaining('Zoom needs OAuth') }],
    });
    const cloud = await as(acme).post('/zoom-credentials', zoomInput('Acme cloud', { installationType: 'cloud' }));
    expect(cloud.status).toBe(201);
    const switched = await as(acme).patch(`/zoom-credentials/${(cloud.body as { id: string }).id}`, { installationType: 'local' });
    expect(switched.status).toBe(422);
    const names = ((await as(acme).get('/zoom-credentials')).body as Array<{ name: string }>).map((credential) => credential.name);
    expect(names).not.toContain('Acme local');
  });

  it('validates input without quoting it back, and refuses unknown fields and duplicate names', async () => {
    const invalid = await as(acme).post('/zoom-credentials', {
      ...zoomInput(''),
      accountId: 'has spaces',
      clientSecret: `with space ${ZOOM_SECRET}`,
      tenantId: 'globex',
    });
    expect(invalid.status).toBe(400);
    expect((invalid.body as { errors: Array<{ field: string }> }).errors.map((error) => error.field).sort()).toEqual([
      'accountId',
      'clientSecret',
      'name',
      'tenantId',
    ]);
    const httpUrl = await as(acme).post('/oomnitza-credentials', {
      name: 'x',
      baseUrl: 'ftp://acme.oomnitza.com',
      apiToken: OOMNITZA_TOKEN,
    });
    expect(httpUrl.status).toBe(400);
    expect(httpUrl.body).toMatchObject({ errors: [{ field: 'baseUrl' }] });
    await as(acme)
      .post('/zoom-credentials', zoomInput('Acme twice'))
      .then((response) => expect(response.status).toBe(201));
    const twice = await as(acme).post('/zoom-credentials', zoomInput('Acme twice'));
    expect(twice.status).toBe(409);
    const otherTenant = await as(globex).post('/zoom-credentials', zoomInput('Acme twice'));
    expect(otherTenant.status).toBe(201);
  });

  it("answers 404, never 403, for another tenant's credentials, and lists none of them", async () => {
    const zoom = await as(acme).post('/zoom-credentials', zoomInput('Acme private'));
    const oomnitza = await as(acme).post('/oomnitza-credentials', {
      name: 'Acme private',
      baseUrl: 'https://acme.oomnitza.com',
      apiToken: OOMNITZA_TOKEN,
    });
    const zoomId = (zoom.body as { id: string }).id;
    const oomnitzaId = (oomnitza.body as { id: string }).id;
    for (const response of [
      await as(globex).get(`/zoom-credentials/${zoomId}`),
      await as(globex).patch(`/zoom-credentials/${zoomId}`, { name: 'hijacked' }),
      await as(globex).delete(`/zoom-credentials/${zoomId}`),
      await as(globex).post(`/zoom-credentials/${zoomId}/test`),
      await as(globex).get(`/oomnitza-credentials/${oomnitzaId}`),
      await as(globex).patch(`/oomnitza-credentials/${oomnitzaId}`, { apiToken: 'x'.repeat(20) }),
      await as(globex).delete(`/oomnitza-credentials/${oomnitzaId}`),
      await as(globex).post(`/oomnitza-credentials/${oomnitzaId}/test`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const globexZoom = (await as(globex).get('/zoom-credentials')).body as Array<{ id: string }>;
    expect(globexZoom.map((credential) => credential.id)).not.toContain(zoomId);
    expect((await as(acme).get(`/zoom-credentials/${zoomId}`)).body).toMatchObject({ name: 'Acme private' });
  });

  it('needs credentials:read to read and credentials:write to change', async () => {
    const readOnly = await bed.issueKey(service, 'acme', ['credentials:read']);
    expect((await as(readOnly).get('/zoom-credentials')).status).toBe(200);
    const refused = await as(readOnly).post('/zoom-credentials', zoomInput('Acme read only'));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ missingScopes: ['credentials:write'] });
    expect((await service.http().get('/oomnitza-credentials')).status).toBe(401);
  });

  it('edits a Zoom credential: new secret stored, others kept, a removed webhook token unset', async () => {
    const created = await as(acme).post('/zoom-credentials', zoomInput('Acme to edit'));
    const id = (created.body as { id: string }).id;
    const [before] = await bed.schema.query<{ client_secret: string; webhook_secret_token: string }>(
      'SELECT * FROM zoom_credentials WHERE id = $1',
      [id],
    );

    const renamed = await as(acme).patch(`/zoom-credentials/${id}`, { name: 'Acme edited', clientId: 'client_New1' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'Acme edited',
      clientId: 'client_New1',
      accountId: 'acct_AbC123',
      clientSecret: { set: true, last4: ZOOM_SECRET.slice(-4) },
    });
    const [kept] = await bed.schema.query<{ client_secret: string; webhook_secret_token: string }>(
      'SELECT * FROM zoom_credentials WHERE id = $1',
      [id],
    );
    // Kept secrets are re-encrypted (fresh IV) rather than copied.
    expect(kept.client_secret).not.toBe(before.client_secret);

    const rotated = await as(acme).patch(`/zoom-credentials/${id}`, { clientSecret: NEW_ZOOM_SECRET, webhookSecretToken: null });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({
      clientSecret: { set: true, last4: NEW_ZOOM_SECRET.slice(-4) },
      webhookSecretToken: { set: false, last4: null },
    });
    const [after] = await bed.schema.query<{ webhook_secret_token: string | null }>('SELECT * FROM zoom_credentials WHERE id = $1', [id]);
    expect(after.webhook_secret_token).toBeNull();

    const nullSecret = await as(acme).patch(`/zoom-credentials/${id}`, { clientSecret: null });
    expect(nullSecret.status).toBe(400);
  });

  it('creates, edits and deletes an Oomnitza credential with its token masked', async () => {
    const created = await as(acme).post('/oomnitza-credentials', {
      name: 'Acme Oomnitza',
      baseUrl: 'https://acme.oomnitza.com/',
      apiToken: OOMNITZA_TOKEN,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      tenantId: 'acme',
      name: 'Acme Oomnitza',
      baseUrl: 'https://acme.oomnitza.com',
      apiToken: { set: true, last4: OOMNITZA_TOKEN.slice(-4) },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const id = (created.body as { id: string }).id;
    const edited = await as(acme).patch(`/oomnitza-credentials/${id}`, { baseUrl: 'https://acme-eu.oomnitza.com' });
    expect(edited.body).toMatchObject({
      baseUrl: 'https://acme-eu.oomnitza.com',
      apiToken: { set: true, last4: OOMNITZA_TOKEN.slice(-4) },
    });
    expect((await as(acme).delete(`/oomnitza-credentials/${id}`)).status).toBe(204);
    expect((await as(acme).get(`/oomnitza-credentials/${id}`)).status).toBe(404);
    expect(await bed.schema.query('SELECT id FROM oomnitza_credentials WHERE id = $1', [id])).toEqual([]);
  });

  it('announces each create, update and delete on credentials.changed, in order, without any secret', async () => {
    const created = await as(acme).post('/zoom-credentials', zoomInput('Acme announced'));
    const id = (created.body as { id: string }).id;
    await as(acme).patch(`/zoom-credentials/${id}`, { clientSecret: NEW_ZOOM_SECRET });
    await as(acme)
      .delete(`/zoom-credentials/${id}`)
      .then((response) => expect(response.status).toBe(204));

    const ofThisCredential = (messages: readonly ReadMessage[]) => messages.filter((message) => message.key === id);
    const messages = ofThisCredential(await readTopic(bed.changesTopic, { until: (read) => ofThisCredential(read).length >= 3 }));
    expect(messages.map((message) => message.json())).toEqual([
      expect.objectContaining({
        type: 'credentials.changed',
        tenantId: 'acme',
        integrationId: id,
        payload: { credentialId: id, kind: 'zoom', change: 'created' },
      }),
      expect.objectContaining({ payload: { credentialId: id, kind: 'zoom', change: 'updated' } }),
      expect.objectContaining({ payload: { credentialId: id, kind: 'zoom', change: 'deleted' } }),
    ]);
    const raw = messages.map((message) => `${message.value}${JSON.stringify(message.headers)}`).join('\n');
    for (const secret of [ZOOM_SECRET, WEBHOOK_TOKEN, NEW_ZOOM_SECRET]) {
      expect(raw).not.toContain(secret);
    }
  });

  it('announces nothing for a refused change', async () => {
    const created = await as(acme).post('/oomnitza-credentials', {
      name: 'Acme quiet',
      baseUrl: 'https://acme.oomnitza.com',
      apiToken: OOMNITZA_TOKEN,
    });
    const id = (created.body as { id: string }).id;
    await as(acme)
      .patch(`/oomnitza-credentials/${id}`, { baseUrl: 'not a url' })
      .then((response) => expect(response.status).toBe(400));
    await as(acme).delete(`/oomnitza-credentials/${id}`);
    const ofThisCredential = (messages: readonly ReadMessage[]) => messages.filter((message) => message.key === id);
    const messages = ofThisCredential(
      await readTopic(bed.changesTopic, {
        until: (read) =>
          ofThisCredential(read).some((message) => message.json<{ payload: { change: string } }>().payload.change === 'deleted'),
      }),
    );
    expect(messages.map((message) => message.json<{ payload: { change: string } }>().payload.change)).toEqual(['created', 'deleted']);
  });
});
