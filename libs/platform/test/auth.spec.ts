import { INestApplication } from '@nestjs/common';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { PROBLEM_TYPE_BASE } from '../src';
import { LogCapture } from '@zoom-oomnitza-sync/testing';
import { ADMIN_API_KEY, dropSchema, startTestApp, uniqueSchema, useTestEnvironment, withDatabase } from './support/test-app';

describe('API keys, scopes and tenant isolation', () => {
  const schema = uniqueSchema('auth');
  let app: INestApplication;
  let logs: LogCapture;

  beforeAll(async () => {
    useTestEnvironment(schema);
    ({ app, logs } = await startTestApp());
  });

  afterAll(async () => {
    await app?.close();
    await dropSchema(schema);
  });

  const http = () => request(app.getHttpServer());
  const asAdmin = <T extends request.Test>(test: T) => test.set('Authorization', `Bearer ${ADMIN_API_KEY}`);

  async function issueKey(tenantId: string, scopes: string[]): Promise<{ id: string; key: string }> {
    const response = await asAdmin(http().post('/admin/api-keys'))
      .send({ tenantId, name: `${tenantId} key`, scopes })
      .expect(201);
    return response.body;
  }

  function expectProblem(response: request.Response, status: number): void {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual(
      expect.objectContaining({ status, title: expect.any(String), detail: expect.any(String), correlationId: expect.any(String) }),
    );
    expect(response.body.correlationId).toBe(response.headers['x-correlation-id']);
  }

  it('issues a key shown once: zos_ + 40 base62 characters, stored as its sha256 digest only', async () => {
    const response = await asAdmin(http().post('/admin/api-keys'))
      .send({ tenantId: 'acme', name: 'automation', scopes: ['notes:write', 'notes:read', 'notes:read'] })
      .expect(201);

    expect(response.body).toEqual({
      id: expect.any(String),
      tenantId: 'acme',
      name: 'automation',
      scopes: ['notes:read', 'notes:write'],
      keyPrefix: response.body.key.slice(0, 8),
      createdAt: expect.any(String),
      revokedAt: null,
      key: expect.stringMatching(/^zos_[0-9A-Za-z]{40}$/),
    });
    const stored = await withDatabase((client) => client.query(`SELECT * FROM "${schema}".api_keys WHERE id = $1`, [response.body.id]));
    expect(stored.rows[0].key_hash).toBe(createHash('sha256').update(response.body.key).digest('hex'));
    expect(JSON.stringify(stored.rows[0])).not.toContain(response.body.key);

    const listed = await asAdmin(http().get('/admin/api-keys').query({ tenantId: 'acme' })).expect(200);
    const entry = listed.body.find((key: { id: string }) => key.id === response.body.id);
    expect(Object.keys(entry).sort()).toEqual(['createdAt', 'id', 'keyPrefix', 'name', 'revokedAt', 'scopes', 'tenantId']);
    expect(logs.text).not.toContain(response.body.key);
    expect(logs.text).not.toContain(ADMIN_API_KEY);
  });

  it('refuses to issue a key with a scope outside the closed list, naming it and the list', async () => {
    const response = await asAdmin(http().post('/admin/api-keys')).send({
      tenantId: 'acme',
      name: 'too much',
      scopes: ['notes:read', 'everything:write'],
    });

    expectProblem(response, 400);
    expect(response.body.errors).toEqual([
      { field: 'scopes', message: 'unknown scope(s) everything:write: the scopes are notes:read, notes:write, metrics:read' },
    ]);
    const listed = await asAdmin(http().get('/admin/api-keys').query({ tenantId: 'acme' })).expect(200);
    expect(listed.body.map((key: { name: string }) => key.name)).not.toContain('too much');
  });

  it('answers 401 problem+json with WWW-Authenticate when the key is missing, malformed or unknown', async () => {
    for (const authorization of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer', `Bearer zos_${'x'.repeat(40)}`, 'Bearer not-a-key']) {
      const call = http().get('/notes/any');
      const response = await (authorization ? call.set('Authorization', authorization) : call);
      expectProblem(response, 401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.body.type).toBe(`${PROBLEM_TYPE_BASE}unauthorized`);
      expect(response.body.instance).toBe('/notes/any');
    }
  });

  it("answers 404 when one tenant asks for another tenant's object", async () => {
    const tenantA = await issueKey('tenant-a', ['notes:read', 'notes:write']);
    const tenantB = await issueKey('tenant-b', ['notes:read', 'notes:write']);
    const created = await http().post('/notes').set('Authorization', `Bearer ${tenantB.key}`).send({ text: "b's note" }).expect(201);
    expect(created.body.tenantId).toBe('tenant-b');

    const asA = await http().get(`/notes/${created.body.id}`).set('Authorization', `Bearer ${tenantA.key}`);
    expectProblem(asA, 404);
    expect(asA.body.type).toBe(`${PROBLEM_TYPE_BASE}not-found`);
    expect(JSON.stringify(asA.body)).not.toContain("b's note");

    const asB = await http().get(`/notes/${created.body.id}`).set('x-api-key', tenantB.key).expect(200);
    expect(asB.body).toEqual(created.body);
  });

  it('answers 403 problem+json when the key lacks a required scope or the admin key is required', async () => {
    const readOnly = await issueKey('acme', ['notes:read']);

    const write = await http().post('/notes').set('Authorization', `Bearer ${readOnly.key}`).send({ text: 'hello' });
    expectProblem(write, 403);
    expect(write.body).toMatchObject({ type: `${PROBLEM_TYPE_BASE}insufficient-scope`, missingScopes: ['notes:write'] });
    expect(write.headers['www-authenticate']).toBe('Bearer error="insufficient_scope", scope="notes:write"');

    const admin = await http().get('/admin/api-keys').query({ tenantId: 'acme' }).set('Authorization', `Bearer ${readOnly.key}`);
    expectProblem(admin, 403);
  });

  it('refuses a revoked key and keeps its revocation time', async () => {
    const key = await issueKey('acme', ['notes:write']);
    await http().post('/notes').set('Authorization', `Bearer ${key.key}`).send({ text: 'before' }).expect(201);

    const revoked = await asAdmin(http().delete(`/admin/api-keys/${key.id}`)).expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expectProblem(await http().post('/notes').set('Authorization', `Bearer ${key.key}`).send({ text: 'after' }), 401);

    const again = await asAdmin(http().delete(`/admin/api-keys/${key.id}`)).expect(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    expectProblem(await asAdmin(http().delete('/admin/api-keys/00000000-0000-4000-8000-000000000000')), 404);
    const notAnId = await asAdmin(http().delete('/admin/api-keys/not-a-uuid'));
    expectProblem(notAnId, 400);
    expect(notAnId.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
  });

  it('trusts a verified key for API_KEY_CACHE_TTL_MS, then sees a revocation made by another replica', async () => {
    const key = await issueKey('acme', ['notes:write']);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      await http().post('/notes').set('Authorization', `Bearer ${key.key}`).send({ text: 'cached' }).expect(201);
      await withDatabase((client) => client.query(`UPDATE "${schema}".api_keys SET revoked_at = now() WHERE id = $1`, [key.id]));
      await http().post('/notes').set('Authorization', `Bearer ${key.key}`).send({ text: 'still cached' }).expect(201);

      clock.mockReturnValue(now + 30_001);
      expectProblem(await http().post('/notes').set('Authorization', `Bearer ${key.key}`).send({ text: 'expired' }), 401);
    } finally {
      clock.mockRestore();
    }
  });

  it('refuses an unknown key from memory for API_KEY_NEGATIVE_CACHE_TTL_MS: a flood of made-up keys costs no queries', async () => {
    const madeUp = `zos_${'k'.repeat(40)}`;
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      expectProblem(await http().get('/notes/any').set('Authorization', `Bearer ${madeUp}`), 401);
      // The key now exists, as if issued by another replica: within the TTL the refusal stands, unasked.
      await withDatabase((client) =>
        client.query(`INSERT INTO "${schema}".api_keys (tenant_id, name, scopes, key_hash, key_prefix) VALUES ($1, $2, $3, $4, $5)`, [
          'acme',
          'late',
          ['notes:read'],
          createHash('sha256').update(madeUp).digest('hex'),
          madeUp.slice(0, 8),
        ]),
      );
      expectProblem(await http().get('/notes/00000000-0000-4000-8000-000000000000').set('Authorization', `Bearer ${madeUp}`), 401);

      clock.mockReturnValue(now + 10_001);
      expect((await http().get('/notes/00000000-0000-4000-8000-000000000000').set('Authorization', `Bearer ${madeUp}`)).status).toBe(404);
    } finally {
      clock.mockRestore();
    }
  });

  it('validates input: field errors, unknown fields refused, nested paths', async () => {
    const response = await asAdmin(http().post('/admin/api-keys')).send({
      tenantId: 'not a tenant!',
      name: '',
      scopes: ['Notes:Read'],
      role: 'owner',
    });
    expectProblem(response, 400);
    expect(response.body.type).toBe(`${PROBLEM_TYPE_BASE}validation`);
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(new Set(fields)).toEqual(new Set(['role', 'tenantId', 'name', 'scopes']));
    expect(response.body.errors).toContainEqual({ field: 'role', message: 'property role should not exist' });

    const noScopes = await asAdmin(http().post('/admin/api-keys')).send({ tenantId: 'acme', name: 'n', scopes: [] });
    expect(noScopes.body.errors).toEqual([{ field: 'scopes', message: 'scopes must contain at least 1 elements' }]);

    const writer = await issueKey('acme', ['notes:write']);
    const nested = await http()
      .post('/notes')
      .set('Authorization', `Bearer ${writer.key}`)
      .send({ text: 'tagged', tags: [{ label: 'ok' }, { label: '', colour: 'red' }] });
    expectProblem(nested, 400);
    expect(nested.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'tags.1.label', message: 'label must be longer than or equal to 1 characters' },
        { field: 'tags.1.colour', message: 'property colour should not exist' },
      ]),
    );

    const missingQuery = await asAdmin(http().get('/admin/api-keys'));
    expectProblem(missingQuery, 400);
    expect(missingQuery.body.errors.map((error: { field: string }) => error.field)).toContain('tenantId');
  });

  it('answers malformed JSON with 400, unknown routes with 404 and hides unexpected errors behind a 500', async () => {
    const malformed = await asAdmin(http().post('/admin/api-keys'))
      .set('Content-Type', 'application/json')
      .send('{"name": zos_half-a-secret}');
    expectProblem(malformed, 400);
    expect(malformed.body.detail).toBe('The request body is not valid JSON.');
    expect(logs.text).not.toContain('half-a-secret');

    const unknown = await http().get('/no/such/route').set('x-correlation-id', 'trace-123');
    expectProblem(unknown, 404);
    expect(unknown.body.correlationId).toBe('trace-123');

    const failure = await http().get('/failures/unexpected');
    expectProblem(failure, 500);
    expect(failure.body).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: expect.not.stringContaining('hunter2'),
      instance: '/failures/unexpected',
      correlationId: expect.any(String),
    });
    const logged = logs.lines.find((line) => line.correlationId === failure.body.correlationId && line.level === 'error');
    expect(logged?.err).toEqual(expect.objectContaining({ stack: expect.stringContaining('hunter2') }));
  });

  it('writes one JSON log line per request carrying the service and the correlation id', async () => {
    await http().get('/health/live').set('x-correlation-id', 'probe-42').expect(200);
    expect(logs.lines).toContainEqual(
      expect.objectContaining({
        service: 'platform-test',
        correlationId: 'probe-42',
        route: '/health/live',
        status: 200,
        msg: 'http request',
      }),
    );
  });
});
