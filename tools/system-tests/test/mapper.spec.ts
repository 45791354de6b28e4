import {
  MessageEnvelope,
  OomnitzaRecordsUpsert,
  OomnitzaRecordsUpsertValue,
  ZoomUserChanged,
  ZoomUserChangedValue,
  ZoomUsersPage,
  ZoomUsersPageValue,
} from '@zoom-oomnitza-sync/contracts';
import { ReadMessage, readTopic, waitFor } from '@zoom-oomnitza-sync/testing';
import {
  announceCredentials,
  PlatformDeployment,
  request,
  sendAs,
  ServiceProcess,
  waitUntilReady,
} from '@zoom-oomnitza-sync/local-platform';

type Run = { id: string; status: string; mapped: number; rejected: number };

describe('the mapper maps full-sync pages and webhook changes with the integration it learnt from the scheduler', () => {
  let deployment: PlatformDeployment;
  let scheduler: ServiceProcess;
  let key: string;

  beforeAll(async () => {
    deployment = await PlatformDeployment.create('mapper');
    scheduler = await deployment.start('scheduler');
    const mapper = await deployment.start('mapper');
    await Promise.all([waitUntilReady(scheduler), waitUntilReady(mapper)]);
    key = await deployment.issueApiKey('acme', ['integrations:write', 'runs:read', 'runs:write'], [scheduler]);
    await announceCredentials(deployment, 'acme', { zoom: ['zoom-1'], oomnitza: ['oomnitza-1'] });
  });

  afterAll(() => deployment?.destroy());

  /** A launched integration the mapper has learnt from integration.changed; returns its id. */
  async function launchedIntegration(): Promise<string> {
    const created = await request<{ id: string }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key,
      body: {
        name: 'Zoom users',
        zoomCredentialId: 'zoom-1',
        oomnitzaCredentialId: 'oomnitza-1',
        oomnitzaRoleId: 9,
        preference: 'create_only',
        fieldTargets: { id: 'zoom_id_custom' },
        deriveMissingNames: false,
      },
    });
    const integrationId = created.body.id;
    await request(`${scheduler.baseUrl}/integrations/${integrationId}/launch`, { method: 'POST', key });
    // Pages and webhook changes only come after launch, and are dropped until the mapper knows it.
    await waitFor(
      async () =>
        (
          await deployment.query(
            'mapper',
            "SELECT 1 FROM integration_settings WHERE integration_id = $1 AND oomnitza_role_id = 9 AND state = 'active'",
            [integrationId],
          )
        ).length === 1,
      {
        description: 'the mapper to learn the launched integration',
      },
    );
    return integrationId;
  }

  it('sends mapped records to the writer and the counts, with each rejection, to the run', async () => {
    const integrationId = await launchedIntegration();
    const run = await request<Run>(`${scheduler.baseUrl}/integrations/${integrationId}/runs`, { method: 'POST', key });
    const runId = run.body.id;

    const page: ZoomUsersPageValue = {
      runId,
      runStartedAt: '2026-11-27T10:00:00.000Z',
      userStatus: 'active',
      pageNumber: 1,
      isLastPage: true,
      users: [
        { id: 'u1', email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', type: 2, status: 'active', pmi: 1234567890 },
        { id: 'u2', email: 'zoë@example.com', first_name: 'Zoë', last_name: 'Ångström', type: 1, status: 'active', dept: 'R&D' },
        { id: 'u3', email: 'nameless@example.com', type: 1, status: 'active' },
      ],
    };
    await sendAs(deployment.topics.name(ZoomUsersPage.topic), ZoomUsersPage, { tenantId: 'acme', integrationId, runId }, [page]);

    const [message] = await readTopic(deployment.topics.name(OomnitzaRecordsUpsert.topic), { until: (messages) => messages.length >= 1 });
    const upsert = message.json<{ payload: OomnitzaRecordsUpsertValue }>().payload;
    expect(upsert).toMatchObject({ runId, preference: 'create_only', syncField: 'EMAIL', isLastBatch: true });
    expect(upsert.records.map((record) => record.syncKey)).toEqual(['ada@example.com', 'zoë@example.com']);
    expect(upsert.records[1].fields).toMatchObject({
      USER: 'zoë@example.com',
      EMAIL: 'zoë@example.com',
      FIRST_NAME: 'Zoë',
      LAST_NAME: 'Ångström',
      PERMISSIONS_ID: 9,
      zoom_id_custom: 'u2',
      DEPARTMENT: 'R&D',
      CONNECTOR_SYNC_TIME: '2026-11-27T10:00:00.000Z',
    });

    const counted = await waitFor(
      async () => {
        const current = (await request<Run>(`${scheduler.baseUrl}/integrations/${integrationId}/runs/${runId}`, { key })).body;
        return current.mapped === 2 ? current : undefined;
      },
      { description: 'the map counts to reach the run' },
    );
    expect(counted).toMatchObject({ mapped: 2, rejected: 1, status: 'running' });
    const errors = await request<{ recordKey: string; reason: string }[]>(
      `${scheduler.baseUrl}/integrations/${integrationId}/runs/${runId}/errors`,
      { key },
    );
    expect(errors.body).toEqual([
      expect.objectContaining({ recordKey: 'nameless@example.com', reason: expect.stringContaining('first name is missing') }),
    ]);
  });

  it('hands a webhook change to the writer as a partial record without a run', async () => {
    const integrationId = await launchedIntegration();
    const change: ZoomUserChangedValue = {
      event: 'user.deactivated',
      eventTs: 1795860300123,
      complete: false,
      user: { id: 'u9', email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', type: 2 },
    };
    await sendAs(deployment.topics.name(ZoomUserChanged.topic), ZoomUserChanged, { tenantId: 'acme', integrationId }, [change]);

    const ofIntegration = (messages: readonly ReadMessage[]) =>
      messages
        .map((message) => message.json<MessageEnvelope<OomnitzaRecordsUpsertValue>>())
        .filter((upsert) => upsert.integrationId === integrationId);
    const [upsert] = ofIntegration(
      await readTopic(deployment.topics.name(OomnitzaRecordsUpsert.topic), { until: (messages) => ofIntegration(messages).length >= 1 }),
    );
    expect(upsert.runId).toBeUndefined();
    expect(upsert.payload).toMatchObject({ preference: 'create_only', syncField: 'EMAIL', isLastBatch: false });
    expect(upsert.payload.records).toEqual([
      {
        syncKey: 'ada@example.com',
        zoomUserId: 'u9',
        partial: true,
        removal: 'deactivated',
        observedAt: upsert.observedAt,
        fields: { EMAIL: 'ada@example.com', zoom_id_custom: 'u9', ZOOM_STATUS: 'inactive', CONNECTOR_SYNC_TIME: upsert.observedAt },
      },
    ]);
  });
});
