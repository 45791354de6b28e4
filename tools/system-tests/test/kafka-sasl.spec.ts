import { PlatformDeployment, request, waitUntilReady } from '@zoom-oomnitza-sync/local-platform';
import { freePorts, ProvisionedKafka, startLocalKafka } from '@zoom-oomnitza-sync/test-infrastructure';
import { Kafka, logLevel } from 'kafkajs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCHEDULER_PASSWORD = 'scheduler-sasl-password-0123456789';

// A broker of its own that takes SASL/PLAIN clients only (tools/kafka with KAFKA_SASL_USERS).
describe('Kafka with SASL/PLAIN: the services authenticate with KAFKA_SASL_*', () => {
  let broker: ProvisionedKafka | undefined;
  let runDir: string;
  let deployment: PlatformDeployment;

  beforeAll(async () => {
    runDir = mkdtempSync(path.join(tmpdir(), 'kafka-sasl-'));
    const [port, controllerPort] = await freePorts(2);
    broker = await startLocalKafka({
      port,
      controllerPort,
      runDir,
      saslUsers: `broker:broker-password-0123,scheduler:${SCHEDULER_PASSWORD}`,
    });
    deployment = await PlatformDeployment.create('kafka_sasl');
  }, 120_000);

  afterAll(async () => {
    await deployment?.destroy();
    await broker?.stop().catch(() => undefined);
    rmSync(runDir, { recursive: true, force: true });
  });

  const schedulerOn = (password: string) => ({
    KAFKA_BROKERS: broker!.brokers,
    KAFKA_CREATE_TOPICS: 'true',
    KAFKA_SASL_MECHANISM: 'plain',
    KAFKA_SASL_USERNAME: 'scheduler',
    KAFKA_SASL_PASSWORD: password,
  });

  it('refuses a client that does not authenticate', async () => {
    const admin = new Kafka({
      clientId: 'no-sasl',
      brokers: [broker!.brokers],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 3000,
      retry: { retries: 0 },
    }).admin();
    await expect(admin.connect().then(() => admin.listTopics())).rejects.toThrow();
    await admin.disconnect().catch(() => undefined);
  });

  it('runs a service that authenticates: ready with Kafka answering, its password in no log line', async () => {
    const scheduler = await deployment.start('scheduler', schedulerOn(SCHEDULER_PASSWORD));
    await waitUntilReady(scheduler);

    const ready = await request<{ status: string; checks: Record<string, { status: string }> }>(`${scheduler.baseUrl}/health/ready`);
    expect(ready).toMatchObject({ status: 200, body: { status: 'ok', checks: { kafka: { status: 'ok' }, consumer: { status: 'ok' } } } });
    expect(scheduler.output()).not.toContain(SCHEDULER_PASSWORD);
  });

  it('stops a service whose password the broker refuses, saying so', async () => {
    const refused = await deployment.startReplica('scheduler', schedulerOn('not-the-password'));
    expect(await refused.exited()).not.toBe(0);
    expect(refused.output()).toMatch(/SASL|[Aa]uthentication/);
    expect(refused.output()).not.toContain('not-the-password');
  });
});
