import { OomnitzaRecordsWritten, RunProgress, STANDARD_MAPPING } from '@zoom-oomnitza-sync/contracts';
import { MappedRun, RUN_TIME_FIELD, SYNC_FIELD } from './support/mapped-run';
import { StubCredentials } from './support/stub-credentials';
import { WriterTestBed } from './support/writer-test-bed';

const emailOf = MappedRun.emailOf;
const emailsOf = (first: number, count: number) => Array.from({ length: count }, (_, index) => emailOf(first + index));

describe("writing a run's records: what goes to Oomnitza and how it is counted", () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_runs');
  });

  beforeEach(() => bed.clear());

  afterAll(async () => {
    await bed?.destroy();
  });

  const reports = async (run: MappedRun) => (await bed.published(OomnitzaRecordsWritten, run.runId)).map((envelope) => envelope.payload);
  const noChange = { created: 0, updated: 0, unchanged: 0, skipped: 0, deactivated: 0, failed: 0, runFinished: false, errors: [] };

  it("sends the records in requests of OOMNITZA_BULK_SIZE to the run's portion, remembers them, and reports each request", async () => {
    const { oomnitza, write, metrics } = bed.newReplica();
    const run = new MappedRun();
    const records = run.users(1, 250);

    await write(run.batch(records));

    expect(oomnitza.requests.map((request) => request.records.length)).toEqual([100, 100, 50]);
    for (const request of oomnitza.requests) {
      expect(request).toMatchObject({
        portion: run.runId,
        connectorName: `zoom:${run.integrationId}`,
        syncField: SYNC_FIELD,
        insertOnly: false,
        updateOnly: false,
        apiToken: StubCredentials.tokenOf(run.oomnitzaCredentialId),
      });
    }
    expect(oomnitza.requests.flatMap((request) => request.records)).toEqual(records.map((record) => record.fields));

    const states = await bed.syncStates(run.integrationId);
    expect(states.map((state) => state.syncKey).sort()).toEqual(emailsOf(1, 250).sort());
    const stableFields = Object.fromEntries(Object.entries(records[6].fields).filter(([field]) => field !== RUN_TIME_FIELD));
    expect(states.find((state) => state.syncKey === emailOf(7))).toMatchObject({
      zoomUserId: 'zoom-user-7',
      observedAt: new Date(run.startedAt),
      lastRunId: run.runId,
      fields: stableFields,
      writtenAt: bed.clock.now(),
    });

    const published = await bed.published(OomnitzaRecordsWritten, run.runId);
    expect(published.map((envelope) => envelope.payload)).toEqual([
      { ...noChange, runId: run.runId, created: 100 },
      { ...noChange, runId: run.runId, created: 100 },
      { ...noChange, runId: run.runId, created: 50 },
    ]);
    expect(published[0]).toMatchObject({ tenantId: run.tenantId, integrationId: run.integrationId, runId: run.runId });
    expect(await bed.portion(run.runId)).toMatchObject({ recordsSent: 250, status: 'open' });
    expect(await bed.pendingRecords(run.integrationId)).toEqual([]);
    const latency = (await metrics.latency.get()).values.find(
      (value) => value.metricName === 'oomnitza_writer_batch_latency_seconds_count',
    );
    expect(latency).toMatchObject({ labels: { portion: 'run' }, value: 250 });
  });

  it('counts from its own results while Oomnitza answers a portion with nothing but whether it is canceled', async () => {
    const { oomnitza, write, metrics } = bed.newReplica();
    const first = new MappedRun();
    await write(first.batch(first.users(1, 4), { isLastBatch: true }));
    const second = first.next();
    const anHourBefore = new Date(Date.parse(first.startedAt) - 3_600_000).toISOString();

    await write(
      second.batch(
        [
          second.user(1),
          second.user(2, { [STANDARD_MAPPING.dept]: 'Support' }),
          second.user(3, { [STANDARD_MAPPING.dept]: 'Legal' }, anHourBefore),
          second.user(5),
          second.user(6),
        ],
        { isLastBatch: true },
      ),
    );

    expect(oomnitza.calls).toEqual(['canceled', 'send', 'finalize', 'canceled', 'send', 'finalize']);
    expect(await reports(second)).toEqual([{ ...noChange, runId: second.runId, created: 2, updated: 1, unchanged: 2, runFinished: true }]);
    // What Oomnitza's run history shows agrees, though the writer never read it.
    expect(oomnitza.runLog(second.runId)).toMatchObject({ added: 2, updated: 1, skipped: 0, errors: 0, finalized: true });
    const byOutcome = Object.fromEntries((await metrics.records.get()).values.map(({ labels, value }) => [labels.outcome, value]));
    expect(byOutcome).toEqual({ created: 6, updated: 1, unchanged: 2 });
  });

  it.each([
    ['create_only', { insertOnly: true, updateOnly: false }, [emailOf(3), emailOf(4)], { created: 2, skipped: 2 }],
    ['update_only', { insertOnly: false, updateOnly: true }, [emailOf(1), emailOf(2)], { updated: 2, skipped: 2 }],
  ] as const)(
    'asks Oomnitza who exists under %s, sends only what the preference lets Oomnitza write, and counts the rest skipped',
    async (preference, flags, sent, counts) => {
      const { oomnitza, write } = bed.newReplica();
      const run = new MappedRun();
      // People Oomnitza had before the integration's first run.
      oomnitza.holds(emailOf(1), emailOf(2));

      await write(run.batch(run.users(1, 4), { preference }));

      expect(oomnitza.calls).toEqual(['existing', 'canceled', 'send']);
      expect(oomnitza.requests).toEqual([expect.objectContaining(flags)]);
      expect(oomnitza.sentSyncKeys()).toEqual(sent);
      expect(await reports(run)).toEqual([{ ...noChange, runId: run.runId, ...counts }]);
      expect((await bed.syncStates(run.integrationId)).map((state) => state.syncKey)).toEqual(sent);
    },
  );

  it('counts a person Oomnitza held but the integration never wrote as created under Create & Update, without asking', async () => {
    const { oomnitza, write } = bed.newReplica();
    const run = new MappedRun();
    oomnitza.holds(emailOf(1));

    await write(run.batch(run.users(1, 2)));

    expect(oomnitza.calls).toEqual(['canceled', 'send']);
    expect(await reports(run)).toEqual([{ ...noChange, runId: run.runId, created: 2 }]);
    expect(oomnitza.runLog(run.runId)).toMatchObject({ added: 1, updated: 1 });
  });

  it('sends nothing for records it has already written and counts them unchanged', async () => {
    const { oomnitza, write } = bed.newReplica();
    const run = new MappedRun();
    await write(run.batch(run.users(1, 3)));
    const callsBefore = oomnitza.calls.length;

    await write(run.batch(run.users(1, 3)));

    expect(oomnitza.calls).toHaveLength(callsBefore);
    expect((await reports(run))[1]).toEqual({ ...noChange, runId: run.runId, unchanged: 3 });
  });

  it('decides the second version of a record in one message against the first: created, then updated', async () => {
    const { oomnitza, write } = bed.newReplica();
    const run = new MappedRun();
    const moved = run.user(1, { [STANDARD_MAPPING.dept]: 'Support' });

    await write(run.batch([run.user(1), run.user(2), moved]));

    expect(oomnitza.requests.map((request) => request.records)).toEqual([[run.user(1).fields, run.user(2).fields], [moved.fields]]);
    expect(await reports(run)).toEqual([
      { ...noChange, runId: run.runId, created: 2 },
      { ...noChange, runId: run.runId, updated: 1 },
    ]);
    expect((await bed.syncStates(run.integrationId))[0].fields).toMatchObject({ [STANDARD_MAPPING.dept]: 'Support' });
  });

  it('sends the next run only the record that changed: a new run time alone is no change', async () => {
    const { oomnitza, write } = bed.newReplica();
    const first = new MappedRun();
    await write(first.batch(first.users(1, 3), { isLastBatch: true }));
    const second = first.next();
    const moved = second.user(2, { [STANDARD_MAPPING.dept]: 'Support' });
    const sentBefore = oomnitza.requests.length;

    await write(second.batch([second.user(1), moved, second.user(3)]));

    expect(oomnitza.requests.slice(sentBefore)).toEqual([expect.objectContaining({ portion: second.runId, records: [moved.fields] })]);
    expect(await reports(second)).toEqual([{ ...noChange, runId: second.runId, updated: 1, unchanged: 2 }]);
    const lastRuns = new Map((await bed.syncStates(first.integrationId)).map((state) => [state.syncKey, state.lastRunId]));
    expect(lastRuns).toEqual(
      new Map([
        [emailOf(1), first.runId],
        [emailOf(2), second.runId],
        [emailOf(3), first.runId],
      ]),
    );
  });

  it('drops a record read from Zoom before the one it last wrote, counts it unchanged and as a stale drop', async () => {
    const { oomnitza, write, metrics } = bed.newReplica();
    const newer = new MappedRun();
    await write(newer.batch([newer.user(1, { [STANDARD_MAPPING.dept]: 'Support' })]));
    const [written] = await bed.syncStates(newer.integrationId);
    // A run that read Zoom an hour earlier and delivers late.
    const anHourEarlier = new Date(Date.parse(newer.startedAt) - 3_600_000).toISOString();
    const older = new MappedRun(newer.integrationId, newer.oomnitzaCredentialId, anHourEarlier);
    const sentBefore = oomnitza.requests.length;

    await write(older.batch([older.user(1, { [STANDARD_MAPPING.dept]: 'Sales' })]));

    expect(oomnitza.requests).toHaveLength(sentBefore);
    expect(await reports(older)).toEqual([{ ...noChange, runId: older.runId, unchanged: 1 }]);
    // What was written stays; only that the older run saw the user too is noted.
    expect(await bed.syncStates(newer.integrationId)).toEqual([{ ...written, lastSeenRunId: older.runId }]);
    expect((await metrics.dropped.get()).values).toEqual([expect.objectContaining({ labels: { reason: 'stale' }, value: 1 })]);
  });

  it("finalizes the run's portion after its last batch, and drops that batch delivered again", async () => {
    const { oomnitza, write, metrics } = bed.newReplica();
    const run = new MappedRun();
    await write(run.batch(run.users(1, 2)));
    expect(oomnitza.runLog(run.runId).finalized).toBe(false);
    const last = run.batch(run.users(3, 1), { isLastBatch: true });

    await write(last);

    expect(oomnitza.calls).toEqual(['canceled', 'send', 'canceled', 'send', 'finalize']);
    expect(oomnitza.runLog(run.runId)).toMatchObject({ added: 3, finalized: true });
    expect(await bed.portion(run.runId)).toMatchObject({ recordsSent: 3, status: 'finalized' });
    expect((await reports(run))[1]).toEqual({ ...noChange, runId: run.runId, created: 1, runFinished: true });
    const callsBefore = oomnitza.calls.length;

    await write(last);

    expect(oomnitza.calls).toHaveLength(callsBefore);
    expect(await reports(run)).toHaveLength(2);
    expect(await bed.pendingRecords(run.integrationId)).toEqual([]);
    expect(await bed.published(RunProgress, run.runId)).toEqual([]);
    expect((await metrics.dropped.get()).values).toEqual([expect.objectContaining({ labels: { reason: 'run_closed' }, value: 1 })]);
  });

  it('finalizes a run whose last batch carries no record', async () => {
    const { oomnitza, write } = bed.newReplica();
    const run = new MappedRun();
    await write(run.batch(run.users(1, 2)));

    await write(run.batch([], { isLastBatch: true }));

    expect(oomnitza.calls).toEqual(['canceled', 'send', 'canceled', 'finalize']);
    expect((await reports(run))[1]).toEqual({ ...noChange, runId: run.runId, runFinished: true });
  });
});
