import {
  IntegrationAlert,
  OomnitzaRecordsWritten,
  OomnitzaRecordsWrittenValue,
  RunProgress,
  RunProgressValue,
} from '@zoom-oomnitza-sync/contracts';
import { readTopic, waitFor } from '@zoom-oomnitza-sync/testing';
import {
  announceCredentials,
  PlatformDeployment,
  request,
  sendAs,
  ServiceProcess,
  waitUntilReady,
} from '@zoom-oomnitza-sync/local-platform';

type Run = { id: string; status: string; failureReason: string | null } & Record<string, unknown>;

const progress = (
  runId: string,
  stage: RunProgressValue['stage'],
  processed: number,
  extra: Partial<RunProgressValue> = {},
): RunProgressValue => ({
  runId,
  stage,
  processed,
  rejected: 0,
  stageCompleted: false,
  errors: [],
  ...extra,
});

const written = (runId: string, counts: Partial<OomnitzaRecordsWrittenValue>): OomnitzaRecordsWrittenValue => ({
  runId,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  deactivated: 0,
  failed: 0,
  runFinished: false,
  errors: [],
  ...counts,
});

describe('the scheduler accounts for every record of a run', () => {
  let deployment: PlatformDeployment;
  let scheduler: ServiceProcess;
  let key: string;
  let integrationId: string;

  beforeAll(async () => {
    deployment = await PlatformDeployment.create('accounting');
    scheduler = await deployment.start('scheduler');
    await waitUntilReady(scheduler);
    key = await deployment.issueApiKey('acme', ['integrations:write', 'runs:read', 'runs:write'], [scheduler]);
    await announceCredentials(deployment, 'acme', { zoom: ['zoom-1'], oomnitza: ['oomnitza-1'] });
    const integration = await request<{ id: string }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key,
      body: { name: 'Zoom users', zoomCredentialId: 'zoom-1', oomnitzaCredentialId: 'oomnitza-1', oomnitzaRoleId: 1 },
    });
    integrationId = integration.body.id;
    await request(`${scheduler.baseUrl}/integrations/${integrationId}/launch`, { method: 'POST', key });
  });

  afterAll(() => deployment?.destroy());

  const startRun = async () =>
    (await request<Run>(`${scheduler.baseUrl}/integrations/${integrationId}/runs`, { method: 'POST', key })).body.id;
  const runOf = async (runId: string) =>
    (await request<Run>(`${scheduler.baseUrl}/integrations/${integrationId}/runs/${runId}`, { key })).body;
  const settled = (runId: string) =>
    waitFor(
      async () => {
        const run = await runOf(runId);
        return run.status === 'completed' || run.status === 'failed' ? run : undefined;
      },
      { timeoutMs: 30_000, description: `run ${runId} to settle` },
    );
  const report = (runId: string, stages: RunProgressValue[], writes: OomnitzaRecordsWrittenValue[]) =>
    Promise.all([
      sendAs(deployment.topics.name(RunProgress.topic), RunProgress, { tenantId: 'acme', integrationId, runId }, stages),
      sendAs(
        deployment.topics.name(OomnitzaRecordsWritten.topic),
        OomnitzaRecordsWritten,
        { tenantId: 'acme', integrationId, runId },
        writes,
      ),
    ]);

  it('shows the counts while the run goes and completes once the writer has accounted for every mapped record', async () => {
    const runId = await startRun();
    await report(
      runId,
      [
        progress(runId, 'fetch', 300),
        progress(runId, 'map', 298, { rejected: 2, errors: [{ recordKey: 'x@example.com', reason: 'no email' }] }),
      ],
      [written(runId, { created: 100 })],
    );
    const running = await waitFor(
      async () => {
        const run = await runOf(runId);
        return run.created === 100 && run.mapped === 298 ? run : undefined;
      },
      { description: 'the first reports to be counted' },
    );
    expect(running).toMatchObject({ status: 'running', fetched: 300, rejected: 2 });

    await report(
      runId,
      [progress(runId, 'fetch', 50, { stageCompleted: true }), progress(runId, 'map', 50, { stageCompleted: true })],
      [
        written(runId, {
          updated: 200,
          unchanged: 40,
          failed: 8,
          runFinished: true,
          errors: [{ recordKey: 'y@example.com', reason: 'unknown role' }],
        }),
      ],
    );
    expect(await settled(runId)).toMatchObject({
      status: 'completed',
      fetched: 350,
      mapped: 348,
      rejected: 2,
      created: 100,
      updated: 200,
      unchanged: 40,
      failed: 8,
      failureReason: null,
    });
    const errors = await request<{ stage: string; recordKey: string }[]>(
      `${scheduler.baseUrl}/integrations/${integrationId}/runs/${runId}/errors`,
      { key },
    );
    expect(errors.body.map((error) => [error.stage, error.recordKey])).toEqual([
      ['map', 'x@example.com'],
      ['write', 'y@example.com'],
    ]);
  });

  it('fails a run whose writer finished with records unaccounted for, and raises an alert', async () => {
    const runId = await startRun();
    await report(
      runId,
      [progress(runId, 'fetch', 10, { stageCompleted: true }), progress(runId, 'map', 10, { stageCompleted: true })],
      [written(runId, { created: 7, runFinished: true })],
    );
    const run = await settled(runId);
    expect(run).toMatchObject({ status: 'failed', failureReason: '3 of 10 mapped records were never reported by the writer' });
    const alerts = await readTopic(deployment.topics.name(IntegrationAlert.topic), {
      until: (messages) => messages.some((message) => message.json<{ runId: string }>().runId === runId),
    });
    const alert = alerts
      .map((message) => message.json<{ runId: string; payload: { kind: string } }>())
      .find((envelope) => envelope.runId === runId);
    expect(alert?.payload.kind).toBe('run_failed');
  });

  it('fails a run at once when a stage reports a failure, naming the reason', async () => {
    const runId = await startRun();
    await report(runId, [progress(runId, 'fetch', 0, { failureReason: 'Zoom rejected the client secret (4704)' })], []);
    expect(await settled(runId)).toMatchObject({ status: 'failed', failureReason: 'Zoom rejected the client secret (4704)' });
  });
});
