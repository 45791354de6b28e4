import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ServiceIdentity } from '../src';
import { storeApiKey } from './support/stored-keys';
import { dropSchema, startTestApp, uniqueSchema, useTestEnvironment, withDatabase } from './support/test-app';

describe('PlatformModule: schema and migrations', () => {
  const schema = uniqueSchema('migrations');
  const running: INestApplication[] = [];

  beforeAll(() => useTestEnvironment(schema));

  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.close()));
  });

  afterAll(() => dropSchema(schema));

  async function start(): Promise<INestApplication> {
    const { app } = await startTestApp();
    running.push(app);
    return app;
  }

  async function recordedMigrations(): Promise<string[]> {
    const result = await withDatabase((client) => client.query(`SELECT name FROM "${schema}".migrations ORDER BY id`));
    return result.rows.map((row: { name: string }) => row.name);
  }

  it('creates the schema, runs the migrations in it and records them; a second boot runs nothing new', async () => {
    const first = await start();
    expect(first.get(ServiceIdentity)).toEqual({ serviceName: 'platform-test', schema });

    const columns = await withDatabase((client) =>
      client.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'api_keys' ORDER BY ordinal_position`,
        [schema],
      ),
    );
    expect(columns.rows.map((row: { column_name: string }) => row.column_name)).toEqual([
      'id',
      'tenant_id',
      'name',
      'scopes',
      'key_hash',
      'key_prefix',
      'created_at',
      'revoked_at',
    ]);
    const indexes = await withDatabase((client) =>
      client.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'api_keys'`, [schema]),
    );
    expect(indexes.rows.find((row: { indexname: string }) => row.indexname === 'api_keys_key_hash_uq')?.indexdef).toMatch(
      /UNIQUE.*\(key_hash\)/,
    );
    expect(indexes.rows.map((row: { indexname: string }) => row.indexname)).toContain('api_keys_tenant_id_idx');
    expect(await recordedMigrations()).toEqual(['PlatformTables1764200000000', 'RateLimits1764200000001']);

    // A key stored before the restart proves the tables the first boot made serve the second.
    const stored = await storeApiKey(schema, 'acme', ['notes:read']);
    await first.close();
    running.splice(0);

    const second = await start();
    expect(await recordedMigrations()).toEqual(['PlatformTables1764200000000', 'RateLimits1764200000001']);
    const unknownNote = '/notes/00000000-0000-4000-8000-000000000000';
    await request(second.getHttpServer()).get(unknownNote).set('Authorization', `Bearer ${stored.key}`).expect(404);
    await request(second.getHttpServer()).get('/metrics').set('Authorization', `Bearer ${stored.key}`).expect(403);
  });

  it('lets replicas that start together migrate one after the other', async () => {
    const concurrentSchema = uniqueSchema('concurrent');
    useTestEnvironment(concurrentSchema);
    try {
      const replicas = await Promise.all([start(), start(), start()]);
      expect(replicas).toHaveLength(3);
      const recorded = await withDatabase((client) => client.query(`SELECT name FROM "${concurrentSchema}".migrations`));
      expect(recorded.rows).toEqual([{ name: 'PlatformTables1764200000000' }, { name: 'RateLimits1764200000001' }]);
    } finally {
      await Promise.all(running.splice(0).map((app) => app.close()));
      useTestEnvironment(schema);
      await dropSchema(concurrentSchema);
    }
  });

  it('refuses to start with a message naming each invalid setting', async () => {
    useTestEnvironment(schema, { KAFKA_BROKERS: 'not a broker list', ADMIN_API_KEY: 'too-short', HTTP_PORT: 'eighty' });
    try {
      await expect(startTestApp()).rejects.toThrow(
        expect.objectContaining({
          message: expect.stringMatching(/^Invalid configuration:[\s\S]*HTTP_PORT[\s\S]*KAFKA_BROKERS[\s\S]*ADMIN_API_KEY/),
        }),
      );
    } finally {
      useTestEnvironment(schema);
    }
  });
});
