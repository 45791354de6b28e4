import { deadLetterTopicOf, SyncRunRequested } from '@zoom-oomnitza-sync/contracts';
import { waitFor } from '@zoom-oomnitza-sync/testing';
import {
  announceCredentials,
  groupHasCaughtUp,
  messagesOn,
  PlatformDeployment,
  request,
  rewindConsumerGroup,
  sampleOf,
  waitUntilReady,
} from '@zoom-oomnitza-sync/local-platform';

const RUNS = 5;

describe('a run request travels from the scheduler to the zoom-fetcher with exactly one effect', () => {
  let deployment: PlatformDeployment;

  beforeAll(async () => {
    deployment = await PlatformDeployment.create('delivery');
  });

  afterAll(() => deployment?.destroy());

  const countOf = async (service: 'scheduler' | 'zoom-fetcher', sql: string) =>
    Number((await deployment.query<{ count: string }>(service, sql))[0].count);

  it('survives the producer dying between commit and publish, and the consumer dying before its offset commit', async () => {
    // A scheduler whose relay never runs commits runs and their outbox rows, then dies.
    const silentScheduler = await deployment.start('scheduler', { OUTBOX_RELAY_ENABLED: 'false' });
    await waitUntilReady(silentScheduler);
    const key = await deployment.issueApiKey('acme', ['integrations:write', 'runs:write'], [silentScheduler]);
    await announceCredentials(deployment, 'acme', { zoom: ['zoom-1'], oomnitza: ['oomnitza-1'] });
    // One run at a time per integration: RUNS integrations, one run each.
    for (let run = 0; run < RUNS; run += 1) {
      const integration = await request<{ id: string }>(`${silentScheduler.baseUrl}/integrations`, {
        method: 'POST',
        key,
        body: { name: `Zoom users ${run}`, zoomCredentialId: 'zoom-1', oomnitzaCredentialId: 'oomnitza-1', oomnitzaRoleId: 1 },
      });
      expect(integration.status).toBe(201);
      const launched = await request(`${silentScheduler.baseUrl}/integrations/${integration.body.id}/launch`, { method: 'POST', key });
      expect(launched).toMatchObject({ status: 200, body: { status: 'active' } });
      const accepted = await request(`${silentScheduler.baseUrl}/integrations/${integration.body.id}/runs`, { method: 'POST', key });
      expect(accepted.status).toBe(202);
    }
    await silentScheduler.kill();
    const runRequestsWaiting = `SELECT count(*) FROM outbox WHERE published_at IS NULL AND topic = '${deployment.topics.name(SyncRunRequested.topic)}'`;
    expect(await countOf('scheduler', runRequestsWaiting)).toBe(RUNS);

    // The restarted scheduler's relay publishes what the dead one committed.
    const fetcher = await deployment.start('zoom-fetcher');
    const scheduler = await deployment.start('scheduler');
    await Promise.all([waitUntilReady(fetcher), waitUntilReady(scheduler)]);
    await waitFor(async () => (await countOf('zoom-fetcher', 'SELECT count(*) FROM fetch_jobs')) === RUNS, {
      timeoutMs: 30_000,
      description: `${RUNS} fetch jobs`,
    });
    expect(await countOf('scheduler', runRequestsWaiting)).toBe(0);

    // The consumer dies and its commits are lost: every message is delivered again.
    const topic = deployment.topics.name(SyncRunRequested.topic);
    const groupId = `${deployment.topics.prefix}zoom-fetcher`;
    await waitFor(() => groupHasCaughtUp(groupId, topic), { description: 'the fetcher to commit its offsets' });
    await fetcher.kill();
    await rewindConsumerGroup(groupId, topic);
    const restartedFetcher = await deployment.start('zoom-fetcher');
    await waitUntilReady(restartedFetcher);
    await waitFor(() => groupHasCaughtUp(groupId, topic), { timeoutMs: 30_000, description: 'the redelivered messages to be handled' });

    expect(await countOf('zoom-fetcher', 'SELECT count(*) FROM fetch_jobs')).toBe(RUNS);
    // The fetcher also applies the integration's own announcements: only the run requests count here.
    expect(await countOf('zoom-fetcher', `SELECT count(*) FROM inbox WHERE topic = '${topic}'`)).toBe(RUNS);
    // Every redelivery was seen and recognised as already applied; none failed into the DLQ.
    const metrics = await request<string>(`${restartedFetcher.baseUrl}/metrics`, { key: deployment.adminKey });
    expect(sampleOf(metrics.body, 'messaging_handler_duration_seconds_count', { topic, outcome: 'duplicate' })).toBe(RUNS);
    expect(sampleOf(metrics.body, 'messaging_handler_duration_seconds_count', { topic, outcome: 'processed' })).toBe(0);
    expect(await messagesOn(deployment.topics.name(deadLetterTopicOf(SyncRunRequested.topic)))).toBe(0);
    const runIds = await deployment.query<{ id: string }>('scheduler', 'SELECT id FROM runs ORDER BY id');
    const jobs = await deployment.query<{ run_id: string }>('zoom-fetcher', 'SELECT run_id FROM fetch_jobs ORDER BY run_id');
    expect(jobs.map((job) => job.run_id)).toEqual(runIds.map((run) => run.id));
  });
});
