import { OomnitzaRecordsWritten, RunProgress } from '@zoom-oomnitza-sync/contracts';
import { CredentialProblemError, CredentialsUnavailableError } from '@zoom-oomnitza-sync/credentials-client';
import { OomnitzaApiError } from '../src/oomnitza-api/oomnitza-api.error';
import { RETRY_AFTER_FAILURE_MS } from '../src/write-loop/write-turn';
import { MappedRun } from './support/mapped-run';
import { WriterReplica, WriterTestBed } from './support/writer-test-bed';

describe("writing a run's records: requests Oomnitza refuses and runs that cannot go on", () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_failures');
  });

  beforeEach(() => bed.clear());

  afterAll(async () => {
    await bed?.destroy();
  });

  const reports = async (run: MappedRun) => (await bed.published(OomnitzaRecordsWritten, run.runId)).map((envelope) => envelope.payload);
  const noChange = { created: 0, updated: 0, unchanged: 0, skipped: 0, deactivated: 0, failed: 0, runFinished: false, errors: [] };

  it.each([
    ['refused', new OomnitzaApiError(422, 'Oomnitza answered 422 to POST /api/v3/bulk: sync_field names an unknown field')],
    ['still failing after the retries', new OomnitzaApiError(503, 'Oomnitza answered 503 to POST /api/v3/bulk: busy (after 10 attempts)')],
  ])('reports each record of a request %s as failed, and sends those records again when they come again', async (_, failure) => {
    const { oomnitza, write } = bed.newReplica();
    const run = new MappedRun();
    const records = run.users(1, 150);
    const [refused, taken] = [records.slice(0, 100), records.slice(100)];
    oomnitza.failNext('send', failure);

    await write(run.batch(records));

    expect(await reports(run)).toEqual([
      {
        ...noChange,
        runId: run.runId,
        failed: 100,
        errors: refused.map((record) => ({ recordKey: record.syncKey, reason: failure.message })),
      },
      { ...noChange, runId: run.runId, created: 50 },
    ]);
    const remembered = (await bed.syncStates(run.integrationId)).map((state) => state.syncKey);
    expect(remembered.sort()).toEqual(taken.map((record) => record.syncKey).sort());
    const sentBefore = oomnitza.requests.length;

    await write(run.batch(records, { isLastBatch: true }));

    expect(oomnitza.sentSyncKeys(sentBefore)).toEqual(refused.map((record) => record.syncKey));
    expect((await reports(run)).slice(2)).toEqual([
      { ...noChange, runId: run.runId, created: 100 },
      { ...noChange, runId: run.runId, unchanged: 50, runFinished: true },
    ]);
  });

  it('fails the records whose existence Oomnitza could not say (Create only), and writes the others', async () => {
    const { oomnitza, write } = bed.newReplica();
    const first = new MappedRun();
    await write(first.batch(first.users(1, 1)));
    const run = first.next();
    const failure = new OomnitzaApiError(503, 'Oomnitza answered 503 to GET /api/v3/users: busy (after 10 attempts)');
    oomnitza.failNext('existing', failure);

    await write(run.batch([run.user(1), run.user(2)], { preference: 'create_only' }));

    expect(await reports(run)).toEqual([
      { ...noChange, runId: run.runId, unchanged: 1, failed: 1, errors: [{ recordKey: MappedRun.emailOf(2), reason: failure.message }] },
    ]);
  });

  interface Stop {
    cause: string;
    arrange: (replica: WriterReplica, run: MappedRun) => void;
    failureReason: (run: MappedRun) => string;
    /** A refused credential is one a person must fix: the scheduler raises credential_invalid. */
    credentialInvalid?: true;
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
      credentialInvalid: true,
    },
    {
      cause: 'Oomnitza refuses the API token for sending records only (403)',
      arrange: ({ oomnitza }) => oomnitza.failNext('send', new OomnitzaApiError(403, 'Oomnitza answered 403 to POST /api/v3/bulk')),
      failureReason: () => 'Oomnitza refused the API token (403)',
      credentialInvalid: true,
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
      credentialInvalid: true,
    },
  ];

  it.each(stops)('stops the run, saying why, and drops its records when $cause', async ({ arrange, failureReason, credentialInvalid }) => {
    const replica = bed.newReplica();
    const run = new MappedRun();
    arrange(replica, run);
    await replica.receive(run.batch(run.users(1, 3)));
    await replica.receive(run.batch(run.users(4, 3), { isLastBatch: true }));

    await replica.writeDue();

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
      ...(credentialInvalid ? { failureKind: 'credential_invalid' } : {}),
    });
    expect(await reports(run)).toEqual([]);
    expect(await bed.syncStates(run.integrationId)).toEqual([]);
    expect(await bed.portion(run.runId)).toMatchObject({ status: 'stopped' });
    expect(await bed.pendingRecords(run.integrationId)).toEqual([]);
  });

  it('keeps the records and tries again later when the credentials service cannot answer now', async () => {
    const { oomnitza, credentials, receive, writeDue } = bed.newReplica();
    const run = new MappedRun();
    credentials.fail(run.oomnitzaCredentialId, new CredentialsUnavailableError('the credentials service did not answer: ECONNREFUSED'));
    await receive(run.batch(run.users(1, 3)));

    await writeDue();

    expect(oomnitza.calls).toEqual([]);
    expect(await bed.pendingRecords(run.integrationId)).toHaveLength(3);
    credentials.recover(run.oomnitzaCredentialId);
    await writeDue();
    expect(oomnitza.calls).toEqual([]);

    bed.clock.advance(RETRY_AFTER_FAILURE_MS);
    await writeDue();

    expect(oomnitza.sentSyncKeys()).toEqual(run.users(1, 3).map((record) => record.syncKey));
    expect(await reports(run)).toEqual([{ ...noChange, runId: run.runId, created: 3 }]);
  });
});
