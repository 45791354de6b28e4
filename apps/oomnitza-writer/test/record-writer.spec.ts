import { OomnitzaRecordsWritten, RunProgress, STANDARD_MAPPING } from '@zoom-oomnitza-sync/contracts';
import { MappedRun, SYNC_FIELD } from './support/mapped-run';
import { ScriptedOomnitza } from './support/scripted-oomnitza';
import { StubCredentials } from './support/stub-credentials';
import { WriterTestBed } from './support/writer-test-bed';

const emailOf = MappedRun.emailOf;
const emailsOf = (first: number, count: number) => Array.from({ length: count }, (_, index) => emailOf(first + index));

describe('RecordWriter: what it sends to Oomnitza and what it reports', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_records');
  });

  afterAll(async () => {
    await bed?.destroy();
  });

  const reports = async (run: MappedRun) => (await bed.published(OomnitzaRecordsWritten, run.runId)).map((envelope) => envelope.payload);
  const noChange = { created: 0, updated: 0, unchanged: 0, skipped: 0, deactivated: 0, failed: 0, runFinished: false, errors: [] };

  it("sends a first batch in requests of OOMNITZA_BULK_SIZE to the run's portion, remembers it, reports Oomnitza's counts", async () => {
    const { oomnitza, write } = bed.newWriter();
    const run = new MappedRun();
    const records = run.users(1, 250);
    // People Oomnitza had before the integration's first run: it updates them, the writer cannot know.
    oomnitza.holds(...emailsOf(1, 30));

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
    expect(states.find((state) => state.syncKey === emailOf(7))).toMatchObject({
      zoomUserId: 'zoom-user-7',
      observedAt: new Date(run.startedAt),
      lastRunId: run.runId,
    });

    const published = await bed.published(OomnitzaRecordsWritten, run.runId);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ tenantId: run.tenantId, integrationId: run.integrationId, runId: run.runId });
    expect(published[0].payload).toEqual({ ...noChange, runId: run.runId, created: 220, updated: 30 });
    expect(await bed.storedPortion(run.runId)).toMatchObject({ added: 220, updated: 30, skipped: 0, errors: 0, finalized: false });
  });

  it.each([
    ['create_only', { insertOnly: true, updateOnly: false }, { created: 2, updated: 0 }],
    ['update_only', { insertOnly: false, updateOnly: true }, { created: 0, updated: 2 }],
  ] as const)('sends the %s preference along and reports the records Oomnitza skipped for it', async (preference, flags, counts) => {
    const { oomnitza, write } = bed.newWriter();
    const run = new MappedRun();
    oomnitza.holds(emailOf(1), emailOf(2));

    await write(run.batch(run.users(1, 4), { preference }));

    expect(oomnitza.requests).toEqual([expect.objectContaining(flags)]);
    expect(await reports(run)).toEqual([{ ...noChange, runId: run.runId, ...counts, skipped: 2 }]);
  });

  it('sends nothing for records it has already written and counts them unchanged', async () => {
    const { oomnitza, write } = bed.newWriter();
    const run = new MappedRun();
    await write(run.batch(run.users(1, 3)));
    const sentBefore = oomnitza.requests.length;

    await write(run.batch(run.users(1, 3)));

    expect(oomnitza.requests).toHaveLength(sentBefore);
    expect((await reports(run))[1]).toEqual({ ...noChange, runId: run.runId, unchanged: 3 });
  });

  it('sends the next run only the record that changed: a new run time alone is no change', async () => {
    const { oomnitza, write } = bed.newWriter();
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

  it('does not send a record read from Zoom before the one it last wrote, and counts it unchanged', async () => {
    const { oomnitza, write } = bed.newWriter();
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
    expect(await bed.syncStates(newer.integrationId)).toEqual([written]);
  });

  it("reports each batch's share of the portion's counts, kept between batches, not the portion's totals", async () => {
    const oomnitza = new ScriptedOomnitza();
    const run = new MappedRun();
    oomnitza.holds(...emailsOf(151, 40));
    await bed.newWriter(oomnitza).write(run.batch(run.users(1, 150)));
    expect(await bed.storedPortion(run.runId)).toMatchObject({ added: 150, updated: 0 });

    // Another replica takes the next batch: the counts so far come from the database.
    await bed.newWriter(oomnitza).write(run.batch(run.users(151, 100)));

    expect(await reports(run)).toEqual([
      { ...noChange, runId: run.runId, created: 150 },
      { ...noChange, runId: run.runId, created: 60, updated: 40 },
    ]);
    expect(await bed.storedPortion(run.runId)).toMatchObject({ added: 210, updated: 40 });
  });

  it('finalizes the portion after the last batch, and writes nothing for that batch delivered again', async () => {
    const { oomnitza, write } = bed.newWriter();
    const run = new MappedRun();
    await write(run.batch(run.users(1, 2)));
    expect(oomnitza.portionSnapshot(run.runId).finalized).toBe(false);
    const last = run.batch(run.users(3, 1), { isLastBatch: true });

    await write(last);

    expect(oomnitza.calls).toEqual(['portion', 'send', 'portion', 'portion', 'send', 'finalize']);
    expect(oomnitza.portionSnapshot(run.runId).finalized).toBe(true);
    expect(await bed.storedPortion(run.runId)).toMatchObject({ added: 3, finalized: true });
    expect((await reports(run))[1]).toEqual({ ...noChange, runId: run.runId, created: 1, runFinished: true });
    const callsBefore = oomnitza.calls.length;

    await write(last);

    expect(oomnitza.calls).toHaveLength(callsBefore);
    expect(await reports(run)).toHaveLength(2);
    expect(await bed.published(RunProgress, run.runId)).toEqual([]);
  });
});
