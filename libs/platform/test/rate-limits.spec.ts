import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { PROBLEM_TYPE_BASE } from '../src';
import { storeApiKey } from './support/stored-keys';
import { ADMIN_API_KEY, dropSchema, startTestApp, uniqueSchema, useTestEnvironment, withDatabase } from './support/test-app';

const PER_KEY = 3;
const PER_TENANT = 5;

describe('rate limits per API key and per tenant, shared by the replicas', () => {
  const schema = uniqueSchema('rate_limits');
  let replicas: INestApplication[];

  beforeAll(async () => {
    useTestEnvironment(schema, {
      RATE_LIMIT_PER_KEY: String(PER_KEY),
      RATE_LIMIT_PER_TENANT: String(PER_TENANT),
      RATE_LIMIT_WINDOW_MS: '60000',
    });
    replicas = [(await startTestApp()).app, (await startTestApp()).app];
  });

  afterAll(async () => {
    await Promise.all((replicas ?? []).map((app) => app.close()));
    await dropSchema(schema);
  });

  const replica = (index: number) => request(replicas[index % replicas.length].getHttpServer());
  const asAdmin = <T extends request.Test>(test: T) => test.set('Authorization', `Bearer ${ADMIN_API_KEY}`);

  const keyFor = async (tenantId: string) => (await storeApiKey(schema, tenantId, ['notes:read'])).key;

  /** A read of a note nobody has: 404 when admitted, so what answers otherwise is the limit. */
  const readAs = (key: string, index: number) =>
    replica(index).get('/notes/00000000-0000-4000-8000-000000000000').set('Authorization', `Bearer ${key}`);

  it('refuses a key over its limit with 429 problem+json and Retry-After, counting its requests to every replica', async () => {
    const key = await keyFor('acme');
    for (let index = 0; index < PER_KEY; index += 1) {
      expect((await readAs(key, index)).status).toBe(404);
    }

    const refused = await readAs(key, PER_KEY);

    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      type: `${PROBLEM_TYPE_BASE}rate-limited`,
      status: 429,
      detail: expect.stringMatching(/this API key/),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body.retryAfterSeconds).toBe(Number(refused.headers['retry-after']));
  });

  it("refuses a tenant's keys together over the tenant's limit, and leaves other tenants alone", async () => {
    const [first, second] = [await keyFor('globex'), await keyFor('globex')];
    const other = await keyFor('initech');
    for (let index = 0; index < PER_KEY; index += 1) {
      expect((await readAs(first, index)).status).toBe(404);
    }
    expect((await readAs(second, 0)).status).toBe(404);
    expect((await readAs(second, 1)).status).toBe(404);

    const refused = await readAs(second, 0);

    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/tenant/);
    expect((await readAs(other, 0)).status).toBe(404);
  });

  it('limits neither the admin key nor public routes', async () => {
    for (let index = 0; index < PER_TENANT + 2; index += 1) {
      expect((await asAdmin(replica(index).get('/admin/ping'))).status).toBe(200);
      expect((await replica(index).get('/health/live')).status).toBe(200);
    }
  });

  it('counts in the service schema, where every replica sees the same numbers', async () => {
    const rows = await withDatabase((client) => client.query(`SELECT key, hits FROM "${schema}".rate_limits ORDER BY key`));
    expect(rows.rows.map((row: { key: string }) => row.key.split(':')[0])).toEqual(expect.arrayContaining(['key', 'tenant']));
  });
});
