import { deadLetterTopicOf, ZoomUsersPage } from '@zoom-oomnitza-sync/contracts';
import { buildDeadLetterMessage, buildEnvelope } from '@zoom-oomnitza-sync/messaging';
import { announceCredentials, PlatformDeployment, request, ServiceProcess, waitUntilReady } from '@zoom-oomnitza-sync/local-platform';
import { testKafka, waitFor } from '@zoom-oomnitza-sync/testing';
import { Message } from 'kafkajs';
import { randomUUID } from 'node:crypto';

interface Run {
  id: string;
  status: string;
  failureReason: string | null;
}

describe('a run whose message was dead-lettered', () => {
  let deployment: PlatformDeployment;
  let scheduler: ServiceProcess;
  let key: string;

  beforeAll(async () => {
    deployment = await PlatformDeployment.create('dead_lettered_runs');
    scheduler = await deployment.start('scheduler');
    await waitUntilReady(scheduler);
    key = await deployment.issueApiKey('acme', ['integrations:write', 'runs:read', 'runs:write'], [scheduler]);
    await announceCredentials(deployment, 'acme', { zoom: ['zoom-1'], oomnitza: ['oomnitza-1'] });
  });

  afterAll(() => deployment?.destroy());

  /** A record as a service's dead-letter publisher writes it, to the DLQ of `zoom.users.page`. */
  async function deadLetter(value: string, error: string): Promise<void> {
    const topic = deployment.topics.name(ZoomUsersPage.topic);
    const message: Message = buildDeadLetterMessage(
      {
        topic,
        partition: 0,
        message: { key: Buffer.from('key'), value: Buffer.from(value), headers: {}, offset: '7', timestamp: '0', attributes: 0 },
        consumerGroup: `${deployment.topics.prefix}mapper`,
      },
      { reason: 'retries-exhausted', error, attempts: 5 },
      new Date(),
    );
    const producer = testKafka('dead-letters').producer();
    await producer.connect();
    try {
      await producer.send({ topic: deployment.topics.name(deadLetterTopicOf(ZoomUsersPage.topic)), acks: -1, messages: [message] });
    } finally {
      await producer.disconnect();
    }
  }

  it('fails at once with the reason, instead of hanging until the watchdog', async () => {
    const integration = await request<{ id: string }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key,
      body: { name: 'Zoom users', zoomCredentialId: 'zoom-1', oomnitzaCredentialId: 'oomnitza-1', oomnitzaRoleId: 1 },
    });
    await request(`${scheduler.baseUrl}/integrations/${integration.body.id}/launch`, { method: 'POST', key });
    const run = await request<Run>(`${scheduler.baseUrl}/integrations/${integration.body.id}/runs`, { method: 'POST', key });
    expect(run.status).toBe(202);
    const page = buildEnvelope(
      ZoomUsersPage,
      {
        tenantId: 'acme',
        integrationId: integration.body.id,
        runId: run.body.id,
        payload: {
          runId: run.body.id,
          runStartedAt: new Date().toISOString(),
          userStatus: 'active',
          pageNumber: 1,
          isLastPage: false,
          users: [],
        },
      },
      randomUUID(),
      new Date(),
    );

    // A record that is no envelope at all is passed over; the run's own record fails the run.
    await deadLetter('{not json', 'Unexpected token n in JSON');
    await deadLetter(JSON.stringify(page), 'mapping settings missing for the integration');

    const url = `${scheduler.baseUrl}/integrations/${integration.body.id}/runs/${run.body.id}`;
    await waitFor(async () => (await request<Run>(url, { key })).body.status === 'failed', {
      timeoutMs: 30_000,
      description: 'the run to fail',
    });
    const failed = (await request<Run>(url, { key })).body;
    expect(failed.failureReason).toContain('was set aside (dead-lettered): mapping settings missing for the integration');
    expect(failed.failureReason).toContain(`${deployment.topics.prefix}mapper`);
  });
});
