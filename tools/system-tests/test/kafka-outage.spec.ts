import { PlatformDeployment, request, ServiceProcess, waitUntilReady } from '@zoom-oomnitza-sync/local-platform';
import { freePorts, startLocalKafka } from '@zoom-oomnitza-sync/test-infrastructure';
import { ProvisionedKafka } from '@zoom-oomnitza-sync/test-infrastructure';
import { waitFor } from '@zoom-oomnitza-sync/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

type Readiness = { status: string; checks: Record<string, { status: string }> };

// A broker of its own, stopped halfway: the shared one serves every other test.
describe('Kafka down: an API that needs only its database stays up, and says so', () => {
  let broker: ProvisionedKafka | undefined;
  let runDir: string;
  let deployment: PlatformDeployment;
  let scheduler: ServiceProcess;
  let key: string;

  beforeAll(async () => {
    runDir = mkdtempSync(path.join(tmpdir(), 'kafka-outage-'));
    const [port, controllerPort] = await freePorts(2);
    broker = await startLocalKafka({ port, controllerPort, runDir });
    deployment = await PlatformDeployment.create('kafka_outage');
    const onItsBroker = { KAFKA_BROKERS: broker.brokers, KAFKA_CREATE_TOPICS: 'true' };
    // The credentials service issues the key, and tells the scheduler through this broker.
    await deployment.start('credentials', onItsBroker);
    scheduler = await deployment.start('scheduler', onItsBroker);
    await waitUntilReady(scheduler);
    key = await deployment.issueApiKey('acme', ['integrations:read', 'integrations:write', 'runs:write'], [scheduler]);
    // Its own broker carries no credentials.changed: the credentials are known as if it had.
    await deployment.query(
      'scheduler',
      `INSERT INTO known_credentials (credential_id, tenant_id, kind, changed_at) VALUES ('zoom-1', 'acme', 'zoom', now()), ('oomnitza-1', 'acme', 'oomnitza', now())`,
    );
  }, 120_000);

  afterAll(async () => {
    await deployment?.destroy();
    await broker?.stop().catch(() => undefined);
    rmSync(runDir, { recursive: true, force: true });
  });

  const readiness = () => request<Readiness>(`${scheduler.baseUrl}/health/ready`);

  it('answers ready, degraded with Kafka failing, and keeps serving requests whose messages wait in the outbox', async () => {
    expect(await readiness()).toMatchObject({ status: 200, body: { status: 'ok', checks: { kafka: { status: 'ok' } } } });

    await broker?.stop();
    broker = undefined;
    const degraded = await waitFor(
      async () => {
        const answer = await readiness();
        return answer.body.status === 'degraded' ? answer : undefined;
      },
      { description: 'readiness to say Kafka is missing', timeoutMs: 30_000 },
    );
    expect(degraded).toMatchObject({
      status: 200,
      body: { checks: { database: { status: 'ok' }, kafka: { status: 'failed' }, consumer: { status: 'ok' } } },
    });

    const created = await request<{ id: string }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key,
      body: { name: 'Zoom users', zoomCredentialId: 'zoom-1', oomnitzaCredentialId: 'oomnitza-1', oomnitzaRoleId: 1 },
    });
    expect(created.status).toBe(201);
    expect((await request(`${scheduler.baseUrl}/integrations/${created.body.id}/launch`, { method: 'POST', key })).status).toBe(200);
    expect((await request(`${scheduler.baseUrl}/integrations/${created.body.id}/runs`, { method: 'POST', key })).status).toBe(202);
    expect((await request<unknown[]>(`${scheduler.baseUrl}/integrations`, { key })).body).toHaveLength(1);
    const waiting = await deployment.query<{ count: string }>('scheduler', 'SELECT count(*) FROM outbox WHERE published_at IS NULL');
    expect(Number(waiting[0].count)).toBeGreaterThanOrEqual(3);
  });
});
