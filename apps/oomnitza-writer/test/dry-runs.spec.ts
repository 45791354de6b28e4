import { OomnitzaRecordsWritten, STANDARD_MAPPING } from '@zoom-oomnitza-sync/contracts';
import { OomnitzaApiError } from '../src/oomnitza-api/oomnitza-api.error';
import { DryRunUserEntity } from '../src/dry-runs/dry-run-user.entity';
import { MappedRun, STATUS_FIELD } from './support/mapped-run';
import { WriterReplica, WriterTestBed } from './support/writer-test-bed';

describe('dry runs in the writer', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_dry_runs');
  });

  beforeEach(() => bed.clear());

  afterAll(async () => {
    await bed?.destroy();
  });

  /** Users 1..count synced by a full run; answers the integration's next run, a dry run. */
  async function afterFullSync(replica: WriterReplica, count: number, removal: Record<string, unknown> = {}): Promise<MappedRun> {
    const first = new MappedRun();
    await replica.learn(first.integrationChanged(removal));
    await replica.write(first.batch(first.users(1, count), { isLastBatch: true }));
    return first.next();
  }

  async function compareAll(replica: WriterReplica): Promise<void> {
    while (await replica.compareDryRun()) {
      // each look compares one batch, or reports a run finished
    }
  }

  const outcomes = async (runId: string) =>
    Object.fromEntries(
      (await bed.dataSource.getRepository(DryRunUserEntity).find({ where: { runId }, order: { id: 'ASC' } })).map((user) => [
        user.userKey,
        { outcome: user.outcome, changes: user.changes, reason: user.reason },
      ]),
    );

  it('compares each record with the person, writes nothing, and reports would-be counts once, finished once', async () => {
    const replica = bed.newReplica();
    const dryRun = await afterFullSync(replica, 3);
    const sentBefore = replica.oomnitza.requests.length;
    await replica.consume([
      dryRun.batch([dryRun.user(1), dryRun.user(2, { [STANDARD_MAPPING.dept]: 'Legal' })], {
        dryRun: { leftOut: [{ userKey: 'gone@acme.example', outcome: 'rejected', reason: 'no e-mail' }] },
      }),
    ]);
    await replica.consume([dryRun.batch([dryRun.user(4)], { isLastBatch: true, dryRun: { leftOut: [] } })]);
    await compareAll(replica);

    expect(replica.oomnitza.requests.length).toBe(sentBefore);
    expect(await bed.pendingRecords(dryRun.integrationId)).toEqual([]);
    const byUser = await outcomes(dryRun.runId);
    expect(byUser[MappedRun.emailOf(1)]).toMatchObject({ outcome: 'unchanged', changes: [] });
    expect(byUser[MappedRun.emailOf(2)]).toMatchObject({
      outcome: 'update',
      changes: [{ field: STANDARD_MAPPING.dept, before: 'Sales', after: 'Legal' }],
    });
    expect(byUser[MappedRun.emailOf(4)]).toMatchObject({ outcome: 'create' });
    expect(byUser['gone@acme.example']).toMatchObject({ outcome: 'rejected', reason: 'no e-mail' });

    const reports = (await bed.published(OomnitzaRecordsWritten, dryRun.runId)).map((envelope) => envelope.payload);
    const sum = (key: 'created' | 'updated' | 'unchanged' | 'deactivated') => reports.reduce((total, report) => total + report[key], 0);
    expect({ created: sum('created'), updated: sum('updated'), unchanged: sum('unchanged'), deactivated: sum('deactivated') }).toEqual({
      created: 1,
      updated: 1,
      unchanged: 1,
      // Rejected: not clean, so user 3, missing from the dry run, would not be marked.
      deactivated: 0,
    });
    expect(reports.filter((report) => report.runFinished)).toHaveLength(1);
    expect(reports.at(-1)!.runFinished).toBe(true);
  });

  it('counts a batch two replicas compared at once only once', async () => {
    const one = bed.newReplica();
    const other = bed.newReplica({ oomnitza: one.oomnitza });
    const dryRun = await afterFullSync(one, 2);
    await one.consume([dryRun.batch(dryRun.users(1, 2), { isLastBatch: true, dryRun: { leftOut: [] } })]);
    await Promise.all([one.compareDryRun(), other.compareDryRun()]);
    await compareAll(one);

    const reports = (await bed.published(OomnitzaRecordsWritten, dryRun.runId)).map((envelope) => envelope.payload);
    expect(reports.reduce((total, report) => total + report.unchanged, 0)).toBe(2);
    expect(reports.filter((report) => report.runFinished)).toHaveLength(1);
  });

  it('fails a batch it cannot compare, with the reason, and still finishes the run', async () => {
    const replica = bed.newReplica();
    const dryRun = await afterFullSync(replica, 1);
    replica.oomnitza.failNext(
      'peopleBySyncValue',
      new OomnitzaApiError(503, 'Oomnitza answered 503 to GET /api/v3/users (after 10 attempts)'),
    );
    await replica.consume([dryRun.batch([dryRun.user(1)], { isLastBatch: true, dryRun: { leftOut: [] } })]);
    await compareAll(replica);

    expect((await outcomes(dryRun.runId))[MappedRun.emailOf(1)]).toEqual({
      outcome: 'failed',
      changes: [],
      reason: "could not read Oomnitza's people to compare: Oomnitza answered 503 to GET /api/v3/users (after 10 attempts)",
    });
    const [report] = (await bed.published(OomnitzaRecordsWritten, dryRun.runId)).map((envelope) => envelope.payload);
    expect(report).toMatchObject({ failed: 1, runFinished: true, errors: [{ recordKey: MappedRun.emailOf(1) }] });
  });

  it('lists who a clean full sync would mark removed, held above the threshold, and nobody under the policy ignore', async () => {
    const replica = bed.newReplica();
    const dryRun = await afterFullSync(replica, 30, { removalThresholdPercent: 5, removalThresholdMinimum: 2 });
    await replica.consume([dryRun.batch(dryRun.users(1, 27), { isLastBatch: true, dryRun: { leftOut: [] } })]);
    await compareAll(replica);
    const removals = Object.entries(await outcomes(dryRun.runId)).filter(([, user]) => user.outcome === 'remove');
    expect(removals.map(([key]) => key).sort()).toEqual([28, 29, 30].map(MappedRun.emailOf).sort());
    expect(removals[0][1]).toEqual({
      outcome: 'remove',
      changes: [{ field: STATUS_FIELD, before: 'active', after: 'deleted' }],
      reason:
        'no longer in Zoom, or filtered out: a full sync would hold this and the other 2 removals for approval (more than the mass-removal threshold)',
    });
    const reports = (await bed.published(OomnitzaRecordsWritten, dryRun.runId)).map((envelope) => envelope.payload);
    expect(reports.reduce((total, report) => total + report.deactivated, 0)).toBe(3);

    const ignoring = bed.newReplica();
    const ignored = await afterFullSync(ignoring, 3, { onZoomRemoval: 'ignore' });
    await ignoring.consume([ignored.batch([ignored.user(1)], { isLastBatch: true, dryRun: { leftOut: [] } })]);
    await compareAll(ignoring);
    expect(Object.values(await outcomes(ignored.runId)).map((user) => user.outcome)).toEqual(['unchanged']);
  });
});
