import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { PROBLEM_TYPE_BASE } from '../src';
import { LogCapture } from '@zoom-oomnitza-sync/testing';
import { revokeStoredApiKey, storeApiKey } from './support/stored-keys';
import { ADMIN_API_KEY, dropSchema, startTestApp, uniqueSchema, useTestEnvironment } from './support/test-app';

/** Set apart from each other (and from the defaults) so a test would notice one memory using the other's lifetime. */
const CACHE_TTL_MS = 20_000;
const NEGATIVE_CACHE_TTL_MS = 8_000;

describe('API key verification, scopes and tenant isolation', () => {
  const schema = uniqueSchema('auth');
  let app: INestApplication;
  let logs: LogCapture;

  beforeAll(async () => {
    useTestEnvironment(schema, {
      API_KEY_CACHE_TTL_MS: String(CACHE_TTL_MS),
      API_KEY_NEGATIVE_CACHE_TTL_MS: String(NEGATIVE_CACHE_TTL_MS),
    });
    ({ app, logs } = await startTestApp());
  });

  afterAll(async () => {
    await app?.close();
    await dropSchema(schema);
  });

  const http = () => request(app.getHttpServer());
  const asAdmin = <T extends request.Test>(test: T) => test.set('Authorization', `Bearer ${ADMIN_API_KEY}`);

  const storeKey = (tenantId: string, scopes: string[]) => storeApiKey(schema, tenantId, scopes);

  function expectProblem(response: request.Response, status: number): void {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual(
      expect.objectContaining({ status, title: expect.any(String), detail: expect.any(String), correlationId: expect.any(String) }),
    );
    expect(response.body.correlationId).toBe(response.headers['x-correlation-id']);
  }

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
    const tenantA = await storeKey('tenant-a', ['notes:read', 'notes:write']);
    const tenantB = await storeKey('tenant-b', ['notes:read', 'notes:write']);
    const created = await http().post('/notes').set('Authorization', `Bearer ${tenantB.key}`).send({ text: "b's note" }).expect(201);
    expect(created.body.tenantId).toBe('tenant-b');

    const asA = await http().get(`/notes/${created.body.id}`).set('Authorization', `Bearer ${tenantA.key}`);
    expectProblem(asA, 404);
    expect(asA.body.type).toBe(`${PROBLEM_TYPE_BASE}not-found`);
    expect(JSON.stringify(asA.body)).not.toContain("b's note");

    const asB = await http().get(`/notes/${created.body.id}`).set('x-api-key', tenantB.key).expect(200);
    expect(asB.body).toEqual(created.body);
    expect(logs.text).not.toContain(tenantA.key);
    expect(logs.text).not.toContain(tenantB.key);
  });

  it('answers 403 problem+json when the key lacks a required scope or the admin key is required', async () => {
    const readOnly = await storeKey('acme', ['notes:read']);

    const write = await http().post('/notes').set('Authorization', `Bearer ${readOnly.key}`).send({ text: 'hello' });
    expectProblem(write, 403);
    expect(write.body).toMatchObject({ type: `${PROBLEM_TYPE_BASE}insufficient-scope`, missingScopes: ['notes:write'] });
    expect(write.headers['www-authenticate']).toBe('Bearer error="insufficient_scope", scope="notes:write"');

    const admin = await http().get('/admin/ping').set('Authorization', `Bearer ${readOnly.key}`);
    expectProblem(admin, 403);
    expect(admin.body.type).toBe(`${PROBLEM_TYPE_BASE}forbidden`);
    expect((await asAdmin(http().get('/admin/ping')).expect(200)).body).toEqual({ ok: true });
    expect(logs.text).not.toContain(ADMIN_API_KEY);
  });

  it('refuses a revoked key while a live key of the same tenant is admitted', async () => {
    const live = await storeKey('acme', ['notes:write']);
    const revoked = await storeKey('acme', ['notes:write']);
    await revokeStoredApiKey(schema, revoked.id);

    await http().post('/notes').set('Authorization', `Bearer ${live.key}`).send({ text: 'live' }).expect(201);
    const refused = await http().post('/notes').set('Authorization', `Bearer ${revoked.key}`).send({ text: 'revoked' });
    expectProblem(refused, 401);
    expect(refused.body.detail).toBe('The API key is unknown or revoked.');
  });

  it('trusts a verified key for API_KEY_CACHE_TTL_MS, then sees a revocation written to the table', async () => {
    const key = await storeKey('acme', ['notes:write']);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      await http().post('/notes').set('Authorization', `Bearer ${key.key}`).send({ text: 'cached' }).expect(201);
      // As the read model would on a revocation announced by the credentials service, but without telling this replica.
      await revokeStoredApiKey(schema, key.id);

      clock.mockReturnValue(now + CACHE_TTL_MS - 1);
      await http().post('/notes').set('Authorization', `Bearer ${key.key}`).send({ text: 'still cached' }).expect(201);

      clock.mockReturnValue(now + CACHE_TTL_MS + 1);
      expectProblem(await http().post('/notes').set('Authorization', `Bearer ${key.key}`).send({ text: 'expired' }), 401);
    } finally {
      clock.mockRestore();
    }
  });

  it('refuses an unknown key from memory for API_KEY_NEGATIVE_CACHE_TTL_MS: a flood of made-up keys costs no queries', async () => {
    const madeUp = `zos_${'k'.repeat(40)}`;
    const unknownNote = '/notes/00000000-0000-4000-8000-000000000000';
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      expectProblem(await http().get('/notes/any').set('Authorization', `Bearer ${madeUp}`), 401);
      // The key now exists, as if just issued and replicated: within the TTL the refusal stands, unasked.
      await storeApiKey(schema, 'acme', ['notes:read'], madeUp);
      clock.mockReturnValue(now + NEGATIVE_CACHE_TTL_MS - 1);
      expectProblem(await http().get(unknownNote).set('Authorization', `Bearer ${madeUp}`), 401);

      clock.mockReturnValue(now + NEGATIVE_CACHE_TTL_MS + 1);
      expect((await http().get(unknownNote).set('Authorization', `Bearer ${madeUp}`)).status).toBe(404);
    } finally {
      clock.mockRestore();
    }
  });

  it('validates input: field errors and unknown fields refused, named by their nested paths', async () => {
    const writer = await storeKey('acme', ['notes:write']);
    const postNote = (body: object) => http().post('/notes').set('Authorization', `Bearer ${writer.key}`).send(body);

    const flat = await postNote({ text: '', role: 'owner' });
    expectProblem(flat, 400);
    expect(flat.body.type).toBe(`${PROBLEM_TYPE_BASE}validation`);
    expect(flat.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'text', message: 'text must be longer than or equal to 1 characters' },
        { field: 'role', message: 'property role should not exist' },
      ]),
    );
    expect(new Set(flat.body.errors.map((error: { field: string }) => error.field))).toEqual(new Set(['text', 'role']));

    const nested = await postNote({ text: 'tagged', tags: [{ label: 'ok' }, { label: '', colour: 'red' }] });
    expectProblem(nested, 400);
    expect(nested.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'tags.1.label', message: 'label must be longer than or equal to 1 characters' },
        { field: 'tags.1.colour', message: 'property colour should not exist' },
      ]),
    );
    expect(nested.body.errors.map((error: { field: string }) => error.field)).not.toContain('tags.0.label');
  });

  it('answers malformed JSON with 400, unknown routes with 404 and hides unexpected errors behind a 500', async () => {
    const writer = await storeKey('acme', ['notes:write']);
    const malformed = await http()
      .post('/notes')
      .set({ Authorization: `Bearer ${writer.key}`, 'Content-Type': 'application/json' })
      .send('{"text": zos_half-a-secret}');
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
