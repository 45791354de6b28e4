import {
  IntegrationChanged,
  IntegrationChangedValue,
  MessageEnvelope,
  OomnitzaRecordsUpsert,
  ZoomUsersPage,
  ZoomUsersPageValue,
} from '@zoom-oomnitza-sync/contracts';
import {
  groupHasCaughtUp,
  messagesOn,
  PlatformDeployment,
  request,
  sampleOf,
  sendAs,
  ServiceProcess,
  waitUntilReady,
} from '@zoom-oomnitza-sync/local-platform';
import { ReadMessage, readTopic, runCommand, waitFor } from '@zoom-oomnitza-sync/testing';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

const WORKSPACE = path.resolve(__dirname, '../../..');

interface DeadLetterView {
  id: string;
  originalTopic: string;
  consumerGroup: string;
  errorKind: string;
  error: string;
  integrationId: string;
  messageType: string;
  replays: number;
  replayedAt: string | null;
}

describe('dead letters: listed for operators, replayed once the cause is fixed, applied once however often replayed', () => {
  let deployment: PlatformDeployment;
  let scheduler: ServiceProcess;

  beforeAll(async () => {
    deployment = await PlatformDeployment.create('dead_letters');
    scheduler = await deployment.start('scheduler');
    // Two attempts: the page is set aside quickly.
    const mapper = await deployment.start('mapper', { MESSAGING_MAX_ATTEMPTS: '2' });
    await Promise.all([waitUntilReady(scheduler), waitUntilReady(mapper)]);
  });

  afterAll(() => deployment?.destroy());

  const admin = <T>(path: string, body?: unknown) =>
    request<T>(`${scheduler.baseUrl}${path}`, { key: deployment.adminKey, ...(body === undefined ? {} : { method: 'POST', body }) });
  const upsertsOf = (integrationId: string) => (messages: readonly ReadMessage[]) =>
    messages.map((message) => message.json<MessageEnvelope<object>>()).filter((envelope) => envelope.integrationId === integrationId);
  // The run the page names is unknown to the scheduler, so the mapper's report of it is set aside too: filter by topic.
  const pageTopic = () => deployment.topics.name(ZoomUsersPage.topic);
  const mapperCaughtUp = () => groupHasCaughtUp(`${deployment.topics.prefix}mapper`, deployment.topics.name(ZoomUsersPage.topic));

  const integrationId = randomUUID();

  it('poison, fix the cause, replay: the page is mapped exactly once', async () => {
    const runId = randomUUID();
    const page: ZoomUsersPageValue = {
      runId,
      runStartedAt: '2026-11-29T10:00:00.000Z',
      userStatus: 'active',
      pageNumber: 1,
      isLastPage: true,
      users: [{ id: 'u1', email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', type: 2, status: 'active' }],
    };
    // The mapper has never heard of the integration: it retries, then sets the page aside.
    await sendAs(deployment.topics.name(ZoomUsersPage.topic), ZoomUsersPage, { tenantId: 'acme', integrationId, runId }, [page]);

    const listed = await waitFor(
      async () => {
        const answer = await admin<{ items: DeadLetterView[]; total: number }>(
          `/admin/dead-letters?integrationId=${integrationId}&topic=${pageTopic()}`,
        );
        return answer.body.total === 1 ? answer.body.items[0] : undefined;
      },
      { description: 'the page to be listed among the dead letters', timeoutMs: 30_000 },
    );
    expect(listed).toMatchObject({
      originalTopic: deployment.topics.name(ZoomUsersPage.topic),
      consumerGroup: `${deployment.topics.prefix}mapper`,
      errorKind: 'retries-exhausted',
      error: expect.stringContaining('not known to the mapper'),
      messageType: ZoomUsersPage.type,
      replays: 0,
      replayedAt: null,
    });
    const byReason = await admin<{ total: number }>(`/admin/dead-letters?integrationId=${integrationId}&reason=permanent-error`);
    expect(byReason.body.total).toBe(0);

    // The cause fixed: the mapper learns the integration, as the scheduler would announce it.
    const integration = {
      revision: 1,
      state: 'active',
      name: 'Zoom users',
      type: 'user',
      preference: 'create_and_update',
      zoomCredentialId: 'zoom-1',
      oomnitzaCredentialId: 'oomnitza-1',
      mapping: { oomnitzaRoleId: 9, syncKey: 'email', fieldTargets: {} },
    } as unknown as IntegrationChangedValue;
    await sendAs(deployment.topics.name(IntegrationChanged.topic), IntegrationChanged, { tenantId: 'acme', integrationId }, [integration]);
    await waitFor(
      async () =>
        (await deployment.query('mapper', 'SELECT 1 FROM integration_settings WHERE integration_id = $1', [integrationId])).length === 1,
      { description: 'the mapper to learn the integration' },
    );

    expect(await admin(`/admin/dead-letters/replay`, { integrationId })).toMatchObject({ status: 200, body: { replayed: [listed.id] } });
    const [upsert] = upsertsOf(integrationId)(
      await readTopic(deployment.topics.name(OomnitzaRecordsUpsert.topic), { until: (read) => upsertsOf(integrationId)(read).length >= 1 }),
    );
    expect(upsert).toMatchObject({ runId, payload: { records: [expect.objectContaining({ syncKey: 'ada@example.com' })] } });

    // Replayed again: the mapper's inbox knows the message, and nothing more is published.
    expect(await admin(`/admin/dead-letters/replay`, { ids: [listed.id] })).toMatchObject({ status: 200, body: { replayed: [listed.id] } });
    await waitFor(mapperCaughtUp, { description: 'the mapper to read the second replay' });
    await waitFor(async () => (await deployment.query('mapper', 'SELECT 1 FROM outbox WHERE published_at IS NULL')).length === 0, {
      description: 'whatever the mapper did with it to be published',
    });
    const upsertTopic = deployment.topics.name(OomnitzaRecordsUpsert.topic);
    const published = await messagesOn(upsertTopic);
    const upserts = upsertsOf(integrationId)(await readTopic(upsertTopic, { until: (read) => read.length >= published }));
    expect(upserts).toHaveLength(1);
    const after = await admin<{ items: DeadLetterView[] }>(`/admin/dead-letters?integrationId=${integrationId}&replayed=true`);
    expect(after.body.items).toEqual([expect.objectContaining({ id: listed.id, replays: 2, replayedAt: expect.any(String) })]);
    const metrics = await request<string>(`${scheduler.baseUrl}/metrics`, { key: deployment.adminKey });
    expect(sampleOf(metrics.body, 'scheduler_dead_letters_waiting', { topic: deployment.topics.name(ZoomUsersPage.topic) })).toBe(0);
  });

  it('lets only the admin key list and replay dead letters', async () => {
    const list = await request(`${scheduler.baseUrl}/admin/dead-letters`, {});
    expect(list.status).toBe(401);
    const replay = await admin('/admin/dead-letters/replay', {});
    expect(replay.status).toBe(400);
  });

  it('npm run dead-letters lists them and replays the chosen ones, with a summary', async () => {
    const cli = (...args: string[]) =>
      runCommand(
        process.execPath,
        ['-r', '@swc-node/register', 'tools/dead-letters/src/dead-letters.ts', '--url', scheduler.baseUrl, ...args],
        {
          cwd: WORKSPACE,
          env: { PATH: process.env.PATH, HOME: process.env.HOME, ADMIN_API_KEY: deployment.adminKey },
        },
      );
    const listed = await cli('--integration', integrationId, '--topic', pageTopic());
    expect(listed).toMatchObject({ code: 0 });
    expect(listed.stdout).toContain(deployment.topics.name(ZoomUsersPage.topic));
    expect(listed.stdout).toContain('retries-exhausted');
    expect(listed.stdout).toMatch(/dead-letters: 1 found\n$/);
    const [, id] = /\| (\d+) +\|/.exec(listed.stdout.split('\n')[2]) ?? [];

    const replayed = await cli('--id', id);

    expect(replayed).toMatchObject({ code: 0, stdout: `dead-letters: replayed 1 (${id})\n` });
    expect((await cli('--integration', integrationId, '--topic', pageTopic(), '--waiting')).stdout).toBe('dead-letters: 0 found\n');
    const refused = await cli('--replay');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--replay needs --integration');
  });
});
