import { PlatformDeployment, request, ServiceName, ServiceProcess, SERVICES, waitUntilReady } from '@zoom-oomnitza-sync/local-platform';

describe('every service boots against real Kafka and PostgreSQL', () => {
  let deployment: PlatformDeployment;
  const services = new Map<ServiceName, ServiceProcess>();

  beforeAll(async () => {
    deployment = await PlatformDeployment.create('boot');
    await Promise.all(
      SERVICES.map(async (name) => {
        const service = await deployment.start(name);
        services.set(name, service);
        await waitUntilReady(service);
      }),
    );
  });

  afterAll(() => deployment?.destroy());

  describe.each(SERVICES)('%s', (name) => {
    it('ran its migrations into its own schema', async () => {
      const tables = await deployment.query<{ table_name: string }>(
        name,
        'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()',
      );
      expect(tables.map((table) => table.table_name)).toEqual(expect.arrayContaining(['migrations', 'api_keys', 'outbox', 'inbox']));
      const migrations = await deployment.query<{ name: string }>(name, 'SELECT name FROM migrations');
      expect(migrations.map((migration) => migration.name)).toContain('InitialSchema1764240000000');
    });

    it('is live and ready, with its database and Kafka checked', async () => {
      const live = await request(`${services.get(name)!.baseUrl}/health/live`);
      expect(live.status).toBe(200);
      const ready = await request<{ checks: Record<string, { status: string }> }>(`${services.get(name)!.baseUrl}/health/ready`);
      expect(ready.status).toBe(200);
      expect(ready.body.checks).toMatchObject({ database: { status: 'ok' }, kafka: { status: 'ok' } });
    });

    it('refuses an unauthenticated request with 401 problem+json', async () => {
      const response = await request<{ status: number; title: string }>(`${services.get(name)!.baseUrl}/metrics`);
      expect(response.status).toBe(401);
      expect(response.contentType).toContain('application/problem+json');
      expect(response.body.status).toBe(401);
    });

    it('serves its OpenAPI document and Prometheus metrics to an authorised caller', async () => {
      const openApi = await request<{ openapi: string; paths: Record<string, unknown> }>(`${services.get(name)!.baseUrl}/docs-json`);
      expect(openApi.status).toBe(200);
      expect(Object.keys(openApi.body.paths)).toEqual(expect.arrayContaining(['/health/ready']));
      // Keys are issued in one place, for every service.
      expect(Object.keys(openApi.body.paths).includes('/admin/api-keys')).toBe(name === 'credentials');
      const metrics = await request<string>(`${services.get(name)!.baseUrl}/metrics`, { key: deployment.adminKey });
      expect(metrics.status).toBe(200);
      expect(metrics.body).toContain(`service="${name}"`);
    });

    it('writes structured JSON logs naming the service', () => {
      const lines = services
        .get(name)!
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'));
      expect(lines.length).toBeGreaterThan(0);
      expect(JSON.parse(lines[0])).toMatchObject({ service: name, level: expect.any(String) });
    });
  });
});
