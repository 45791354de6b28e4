import { OomnitzaRecordsWritten, RunProgress } from '@zoom-oomnitza-sync/contracts';
import { CredentialProblemError, CredentialsUnavailableError } from '@zoom-oomnitza-sync/credentials-client';
import { PermanentMessageError } from '@zoom-oomnitza-sync/messaging';
import { OomnitzaApiError } from '../src/oomnitza-api/oomnitza-api.error';
import { MappedRun } from './support/mapped-run';
import { WriterTestBed, WriterUnderTest } from './support/writer-test-bed';

const emailOf = MappedRun.emailOf;

describe('RecordWriter: records Oomnitza refuses and runs that cannot go on', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_failures');
  });

  afterAll(async () => {
    await bed?.destroy();
  });

  const reports = async (run: MappedRun) => (await bed.published(OomnitzaRecordsWritten, run.runId)).map((envelope) => envelope.payload);
  const noChange = { created: 0, updated: 0, unchanged: 0, skipped: 0, deactivated: 0, failed: 0, runFinished: false, errors: [] };

  it.each([
    ['refused', new OomnitzaApiError(422, 'Oomnitza answered 422 to POST /api/v3/bulk: sync_field names an unknown field')],
    ['still failing after the retries', new OomnitzaApiError(503, 'Oomnitza answered 503 to POST /api/v3/bulk: busy (after 10 attempts)')],
  ])('reports each record of a request %s as failed, and sends those records again with the next batch', async (_, failure) => {
    const { oomnitza, write } = bed.newWriter();
    const run = new MappedRun();
    const records = run.users(1, 150);
    const [refused, taken] = [records.slice(0, 100), records.slice(100)];
    oomnitza.failNext('send', failure);

    await write(run.batch(records));

    expect((await reports(run))[0]).toEqual({
      ...noChange,
      runId: run.runId,
      created: 50,
      failed: 100,
      errors: refused.map((record) => ({ recordKey: record.syncKey, reason: failure.message })),
    });
    const remembered = (await bed.syncStates(run.integrationId)).map((state) => state.syncKey);
    expect(remembered.sort()).toEqual(taken.map((record) => record.syncKey).sort());
    const sentBefore = oomnitza.requests.length;

    await write(run.batch(records, { isLastBatch: true }));

    expect(oomnitza.sentSyncKeys(sentBefore)).toEqual(refused.map((record) => record.syncKey));
    expect((await reports(run))[1]).toEqual({ ...noChange, runId: run.runId, created: 100, unchanged: 50, runFinished: true });
  });

  it('remembers nothing of a batch in which Oomnitza counted errors, since it does not say which records they were', async () => {
    const { oomnitza, write } = bed.newWriter();
    const run = new MappedRun();
    oomnitza.refusesRecordOf(emailOf(2));

    await write(run.batch(run.users(1, 3)));

    expect(await reports(run)).toEqual([{ ...noChange, runId: run.runId, created: 2, failed: 1 }]);
    expect(await bed.syncStates(run.integrationId)).toEqual([]);
    const sentBefore = oomnitza.requests.length;

    await write(run.batch(run.users(1, 3)));

    expect(oomnitza.sentSyncKeys(sentBefore)).toEqual([emailOf(1), emailOf(2), emailOf(3)]);
    expect((await reports(run))[1]).toEqual({ ...noChange, runId: run.runId, updated: 2, failed: 1 });
  });

  interface Stop {
    cause: string;
    arrange: (world: WriterUnderTest, run: MappedRun) => void;
    failureReason: (run: MappedRun) => string;
  }

  const stops: Stop[] = [
    {
      cause: 'the run was canceled in Oomnitza',
      arrange: ({ oomnitza }, run) => oomnitza.cancel(run.runId),
      failureReason: () => 'the run was canceled in Oomnitza',
    },
    {
      cause: 'Oomnitza refuses the API token (401)',
      arrange: ({ oomnitza }) => oomnitza.revokeToken(401),
      failureReason: () => 'Oomnitza refused the API token (401)',
    },
    {
      cause: 'Oomnitza refuses the API token for sending records only (403)',
      arrange: ({ oomnitza }) => oomnitza.failNext('send', new OomnitzaApiError(403, 'Oomnitza answered 403 to POST /api/v3/bulk')),
      failureReason: () => 'Oomnitza refused the API token (403)',
    },
    {
      cause: 'finalizing the portion still fails after the retries',
      arrange: ({ oomnitza }, run) =>
        oomnitza.failNext('finalize', new OomnitzaApiError(502, `Oomnitza answered 502 to POST /api/v3/bulk/${run.runId}/finalize`)),
      failureReason: (run) => `Oomnitza answered 502 to POST /api/v3/bulk/${run.runId}/finalize`,
    },
    {
      cause: 'the credentials service finds the Oomnitza credential unusable',
      arrange: ({ credentials }, run) =>
        credentials.fail(run.oomnitzaCredentialId, new CredentialProblemError(404, 'the Oomnitza credential was deleted')),
      failureReason: (run) => `Oomnitza credential ${run.oomnitzaCredentialId}: the Oomnitza credential was deleted`,
    },
  ];

  it.each(stops)('stops the run, saying why, when $cause', async ({ arrange, failureReason }) => {
    const world = bed.newWriter();
    const run = new MappedRun();
    arrange(world, run);

    await world.write(run.batch(run.users(1, 3), { isLastBatch: true }));

    const progress = await bed.published(RunProgress, run.runId);
    expect(progress).toHaveLength(1);
    expect(progress[0]).toMatchObject({ tenantId: run.tenantId, integrationId: run.integrationId, runId: run.runId });
    expect(progress[0].payload).toEqual({
      runId: run.runId,
      stage: 'write',
      processed: 0,
      rejected: 0,
      stageCompleted: true,
      errors: [],
      failureReason: failureReason(run),
    });
    expect(await reports(run)).toEqual([]);
    expect(await bed.syncStates(run.integrationId)).toEqual([]);
    expect(await bed.storedPortion(run.runId)).toMatchObject({ added: 0, finalized: false });
  });

  it('leaves the batch to be retried when the credentials service cannot answer now', async () => {
    const { oomnitza, credentials, write } = bed.newWriter();
    const run = new MappedRun();
    credentials.fail(run.oomnitzaCredentialId, new CredentialsUnavailableError('the credentials service did not answer: ECONNREFUSED'));

    await expect(write(run.batch(run.users(1, 3)))).rejects.toBeInstanceOf(CredentialsUnavailableError);

    expect(oomnitza.calls).toEqual([]);
    expect(await bed.published(RunProgress, run.runId)).toEqual([]);
    expect(await bed.storedPortion(run.runId)).toBeNull();
  });

  it('refuses records outside a run for good, writing nothing', async () => {
    const { oomnitza, write } = bed.newWriter();
    const run = new MappedRun();
    const batch = run.batch(run.users(1, 1));
    const outsideRun = { ...batch, runId: undefined, payload: { ...batch.payload, runId: undefined } };

    await expect(write(outsideRun)).rejects.toBeInstanceOf(PermanentMessageError);

    expect(oomnitza.calls).toEqual([]);
    expect(await bed.syncStates(run.integrationId)).toEqual([]);
  });
});
