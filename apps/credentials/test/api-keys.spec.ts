import { PRODUCT_SCOPES, PROBLEM_TYPE_BASE } from '@zoom-oomnitza-sync/platform';
import { ReadMessage, readTopic } from '@zoom-oomnitza-sync/testing';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { CredentialsTestBed, RunningCredentials } from './support/credentials-test-bed';

interface KeyAnnouncement {
  tenantId: string;
  payload: {
    keyId: string;
    name: string;
    scopes: string[];
    keyHash: string;
    keyPrefix: string;
    createdAt: string;
    revokedAt: string | null;
  };
}

const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');

describe('tenant API keys, issued by the credentials service for every service', () => {
  let bed: CredentialsTestBed;
  let service: RunningCredentials;

  beforeAll(async () => {
    bed = await CredentialsTestBed.create('api_keys');
    service = await bed.start();
  });

  afterAll(async () => {
    await bed?.destroy();
  });

  const asAdmin = <T extends request.Test>(test: T) => test.set('Authorization', `Bearer ${bed.adminKey}`);
  const expectProblem = (response: request.Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  };
  const announcementsOf = (messages: readonly ReadMessage[], keyId: string) =>
    messages.map((message) => message.json<KeyAnnouncement>()).filter((announcement) => announcement.payload.keyId === keyId);

  it('issues a key shown once: zos_ + 40 base62 characters, stored and announced as its sha256 digest only', async () => {
    const response = await asAdmin(service.http().post('/admin/api-keys'))
      .send({ tenantId: 'acme', name: 'automation', scopes: ['runs:write', 'runs:read', 'runs:read'] })
      .expect(201);

    const key = response.body.key as string;
    expect(response.body).toEqual({
      id: expect.any(String),
      tenantId: 'acme',
      name: 'automation',
      scopes: ['runs:read', 'runs:write'],
      keyPrefix: key.slice(0, 8),
      createdAt: expect.any(String),
      revokedAt: null,
      key: expect.stringMatching(/^zos_[0-9A-Za-z]{40}$/),
    });
    const [stored] = await bed.schema.query('SELECT * FROM api_keys WHERE id = $1', [response.body.id]);
    expect(stored.key_hash).toBe(sha256(key));
    expect(JSON.stringify(stored)).not.toContain(key);

    const read = await readTopic(bed.apiKeysTopic, { until: (messages) => announcementsOf(messages, response.body.id).length >= 1 });
    const [announced] = announcementsOf(read, response.body.id);
    expect(announced).toMatchObject({
      tenantId: 'acme',
      payload: {
        keyId: response.body.id,
        name: 'automation',
        scopes: ['runs:read', 'runs:write'],
        keyHash: sha256(key),
        keyPrefix: key.slice(0, 8),
        revokedAt: null,
      },
    });
    expect(read.map((message) => message.value ?? '').join('\n')).not.toContain(key);

    const listed = await asAdmin(service.http().get('/admin/api-keys').query({ tenantId: 'acme' })).expect(200);
    const entry = listed.body.find((listedKey: { id: string }) => listedKey.id === response.body.id);
    expect(Object.keys(entry).sort()).toEqual(['createdAt', 'id', 'keyPrefix', 'name', 'revokedAt', 'scopes', 'tenantId']);
    expect(service.logs.text).not.toContain(key);
    expect(service.logs.text).not.toContain(bed.adminKey);
  });

  it('refuses a scope outside the closed list, naming it and the list, and issues nothing', async () => {
    const response = await asAdmin(service.http().post('/admin/api-keys')).send({
      tenantId: 'acme',
      name: 'too much',
      scopes: ['runs:read', 'everything:write'],
    });

    expectProblem(response, 400);
    expect(response.body.errors).toEqual([
      { field: 'scopes', message: `unknown scope(s) everything:write: the scopes are ${PRODUCT_SCOPES.join(', ')}` },
    ]);
    const listed = await asAdmin(service.http().get('/admin/api-keys').query({ tenantId: 'acme' })).expect(200);
    expect(listed.body.map((key: { name: string }) => key.name)).not.toContain('too much');
  });

  it('validates what it is asked: field errors for a bad tenant id and empty scopes, the tenant id to list by', async () => {
    const bad = await asAdmin(service.http().post('/admin/api-keys')).send({ tenantId: 'not a tenant!', name: 'n', scopes: [] });
    expectProblem(bad, 400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['scopes', 'tenantId']);
    expectProblem(await asAdmin(service.http().get('/admin/api-keys')), 400);
  });

  it('is for the admin key only', async () => {
    const tenantKey = await bed.issueKey(service, 'acme');
    const response = await service.http().get('/admin/api-keys').query({ tenantId: 'acme' }).set('Authorization', `Bearer ${tenantKey}`);
    expectProblem(response, 403);
  });

  it('revokes a key at once here, announces the revoke once, and keeps its revocation time', async () => {
    const issued = await asAdmin(service.http().post('/admin/api-keys'))
      .send({ tenantId: 'acme', name: 'to revoke', scopes: ['credentials:read'] })
      .expect(201);
    await service.http().get('/zoom-credentials').set('Authorization', `Bearer ${issued.body.key}`).expect(200);

    const revoked = await asAdmin(service.http().delete(`/admin/api-keys/${issued.body.id}`)).expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const refused = await service.http().get('/zoom-credentials').set('Authorization', `Bearer ${issued.body.key}`);
    expectProblem(refused, 401);
    expect(refused.body.type).toBe(`${PROBLEM_TYPE_BASE}unauthorized`);

    const again = await asAdmin(service.http().delete(`/admin/api-keys/${issued.body.id}`)).expect(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const read = await readTopic(bed.apiKeysTopic, {
      until: (messages) => announcementsOf(messages, issued.body.id).some((announcement) => announcement.payload.revokedAt !== null),
    });
    expect(announcementsOf(read, issued.body.id).map((announcement) => announcement.payload.revokedAt)).toEqual([
      null,
      new Date(revoked.body.revokedAt).toISOString(),
    ]);

    expectProblem(await asAdmin(service.http().delete('/admin/api-keys/00000000-0000-4000-8000-000000000000')), 404);
    const notAnId = await asAdmin(service.http().delete('/admin/api-keys/not-a-uuid'));
    expectProblem(notAnId, 400);
    expect(notAnId.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
  });

  it('announces keys issued before keys were announced, once, at the next start', async () => {
    const issued = await asAdmin(service.http().post('/admin/api-keys'))
      .send({ tenantId: 'globex', name: 'older key', scopes: ['integrations:read'] })
      .expect(201);
    // As the migration leaves the keys issued before it.
    await bed.schema.query('UPDATE api_keys SET announced = false WHERE id = $1', [issued.body.id]);

    await service.close();
    service = await bed.start();
    const read = await readTopic(bed.apiKeysTopic, { until: (messages) => announcementsOf(messages, issued.body.id).length >= 2 });
    expect(announcementsOf(read, issued.body.id)).toEqual([
      expect.objectContaining({ tenantId: 'globex' }),
      expect.objectContaining({ tenantId: 'globex', payload: expect.objectContaining({ keyHash: sha256(issued.body.key) }) }),
    ]);
    const [row] = await bed.schema.query<{ announced: boolean }>('SELECT announced FROM api_keys WHERE id = $1', [issued.body.id]);
    expect(row.announced).toBe(true);
  });
});
