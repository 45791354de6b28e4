import { OomnitzaRecordsWritten, STANDARD_MAPPING } from '@zoom-oomnitza-sync/contracts';
import { CredentialProblemError } from '@zoom-oomnitza-sync/credentials-client';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { OomnitzaApiError } from '../src/oomnitza-api/oomnitza-api.error';
import { OomnitzaWriterEnvironment } from '../src/oomnitza-writer.environment';
import { RETRY_AFTER_FAILURE_MS } from '../src/write-loop/write-turn';
import { deliver } from './support/deliver';
import { MappedRun, STATUS_FIELD, SYNC_FIELD } from './support/mapped-run';
import { WriterTestBed } from './support/writer-test-bed';

const emailOf = MappedRun.emailOf;

describe('writing changes that belong to no run (webhooks), whole or partial', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_changes');
  });

  beforeEach(() => bed.clear());

  afterAll(async () => {
    await bed?.destroy();
  });

  const noChange = { created: 0, updated: 0, unchanged: 0, skipped: 0, deactivated: 0, failed: 0, runFinished: false, errors: [] };
  const reports = async (run: MappedRun) =>
    (await bed.publishedOutsideRuns(OomnitzaRecordsWritten, run.integrationId)).map((envelope) => envelope.payload);
  const later = (run: MappedRun, minutes: number) => new Date(Date.parse(run.startedAt) + minutes * 60_000).toISOString();

  it("applies a change of one field delivered behind a newer change of another field of the same user, and nothing older than each field's last write", async () => {
    const replica = bed.newReplica();
    const run = new MappedRun();
    await replica.write(run.batch([run.user(1)], { isLastBatch: true }));
    const dept = STANDARD_MAPPING.dept;

    // Zoom's deliveries crossed: the deactivation (10 minutes on) arrives before the department change (5 minutes on).
    await deliver(bed, replica, run.changes([run.partialUser(1, { [STATUS_FIELD]: 'inactive' }, later(run, 10))]));
    await deliver(bed, replica, run.changes([run.partialUser(1, { [dept]: 'Research' }, later(run, 5))]));
    // An activation older than the deactivation changes nothing.
    await deliver(bed, replica, run.changes([run.partialUser(1, { [STATUS_FIELD]: 'active', [dept]: 'Legal' }, later(run, 7))]));

    const [person] = replica.oomnitza.people();
    expect([person[STATUS_FIELD], person[dept]]).toEqual(['inactive', 'Legal']);
    const [state] = await bed.syncStates(run.integrationId);
    expect(state.observedAt).toEqual(new Date(later(run, 10)));
    expect(state.fields).toMatchObject({ [STATUS_FIELD]: 'inactive', [dept]: 'Legal' });
  });

  it('keeps a person marked deleted when a change of another field, older than the deletion, arrives after it', async () => {
    const replica = bed.newReplica();
    const run = new MappedRun();
    await replica.write(run.batch([run.user(1)], { isLastBatch: true }));
    await replica.learn(run.integrationChanged());
    const dept = STANDARD_MAPPING.dept;

    await deliver(bed, replica, run.changes([run.removal(1, 'deleted', later(run, 10))]));
    await deliver(bed, replica, run.changes([run.partialUser(1, { [dept]: 'Research' }, later(run, 5))]));

    const [person] = replica.oomnitza.people();
    expect([person[STATUS_FIELD], person[dept]]).toEqual(['deleted', 'Research']);
    const [state] = await bed.syncStates(run.integrationId);
    expect(state.removal).toBe('deleted');
  });

  it("judges a change stored while a turn reads its batch against its user's sync state, like the rest of the batch", async () => {
    const replica = bed.newReplica();
    const run = new MappedRun();
    await replica.write(run.batch(run.users(1, 2), { isLastBatch: true }));
    const dept = STANDARD_MAPPING.dept;
    await replica.receive(run.changes([run.partialUser(1, { [dept]: 'Research' }, later(run, 5))]));
    const query = PostgresQueryRunner.prototype.query;
    let headRead = () => {};
    const headReading = new Promise<void>((resolve) => (headRead = resolve));
    let letHeadGo = () => {};
    const headMayGo = new Promise<void>((resolve) => (letHeadGo = resolve));
    jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(async function (
      this: PostgresQueryRunner,
      ...args: Parameters<PostgresQueryRunner['query']>
    ) {
      if (/^SELECT "PendingRecordEntity"/.test(String(args[0]))) {
        headRead();
        await headMayGo;
      }
      return query.apply(this, args);
    });
    bed.clock.advance(new OomnitzaWriterEnvironment().WRITE_FLUSH_DELAY_MS);
    try {
      const turn = replica.takeTurn();
      await Promise.race([headReading, turn]);
      // Stored while the turn is about to read its batch: the batch takes it.
      await replica.receive(run.changes([run.partialUser(2, { [dept]: 'Legal' }, later(run, 5))]));
      letHeadGo();
      expect(await turn).toBe(true);
    } finally {
      letHeadGo();
      jest.restoreAllMocks();
    }

    expect(replica.oomnitza.people().map((person) => person[dept])).toEqual(['Research', 'Legal']);
  });

  it("writes a whole user to the integration's rolling portion, and reports it without a run", async () => {
    const replica = bed.newReplica();
    const changes = new MappedRun();

    await deliver(bed, replica, changes.changes([changes.user(1)]));

    const [portion] = await bed.rollingPortions(changes.integrationId);
    expect(replica.oomnitza.requests).toEqual([
      expect.objectContaining({
        portion: portion.portionId,
        connectorName: `zoom:${changes.integrationId}`,
        records: [changes.user(1).fields],
      }),
    ]);
    expect(await reports(changes)).toEqual([{ ...noChange, created: 1 }]);
    expect((await bed.syncStates(changes.integrationId)).map((state) => [state.syncKey, state.lastRunId])).toEqual([[emailOf(1), null]]);
  });

  it('sends a partial record as its changed fields and the sync field, merged into what was last written', async () => {
    const replica = bed.newReplica();
    const run = new MappedRun();
    await replica.write(run.batch(run.users(1, 1), { isLastBatch: true }));
    const sentBefore = replica.oomnitza.requests.length;

    await deliver(
      bed,
      replica,
      run.changes([run.partialUser(1, { [STANDARD_MAPPING.dept]: 'Support', [STANDARD_MAPPING.first_name]: 'First1' }, later(run, 5))]),
    );

    expect(replica.oomnitza.requests.slice(sentBefore).map((request) => request.records)).toEqual([
      [{ [SYNC_FIELD]: emailOf(1), [STANDARD_MAPPING.dept]: 'Support' }],
    ]);
    expect(await reports(run)).toEqual([{ ...noChange, updated: 1 }]);
    const [state] = await bed.syncStates(run.integrationId);
    expect(state.fields).toMatchObject({ [STANDARD_MAPPING.dept]: 'Support', [STANDARD_MAPPING.first_name]: 'First1' });
    expect(state.observedAt).toEqual(new Date(later(run, 5)));

    // The next full sync reads the same user: what the merge wrote is what it would write.
    const next = run.next();
    await replica.write(next.batch([next.user(1, { [STANDARD_MAPPING.dept]: 'Support' })], { isLastBatch: true }));
    expect((await bed.published(OomnitzaRecordsWritten, next.runId)).map((envelope) => envelope.payload)).toEqual([
      { ...noChange, runId: next.runId, unchanged: 1, runFinished: true },
    ]);
  });

  it('never creates a person from a partial record: with nothing written for its sync key it is skipped, and nothing sent', async () => {
    const replica = bed.newReplica();
    const changes = new MappedRun();

    await deliver(bed, replica, changes.changes([changes.partialUser(9, { ZOOM_STATUS: 'inactive' })]));

    expect(replica.oomnitza.calls).toEqual([]);
    expect(await reports(changes)).toEqual([{ ...noChange, skipped: 1 }]);
    expect(await bed.syncStates(changes.integrationId)).toEqual([]);
    expect((await replica.metrics.dropped.get()).values).toEqual([
      expect.objectContaining({ labels: { reason: 'partial_unknown' }, value: 1 }),
    ]);
  });

  it('counts a partial record that changes nothing, or that is older than the last write, unchanged, sending nothing', async () => {
    const replica = bed.newReplica();
    const run = new MappedRun();
    await replica.write(run.batch(run.users(1, 2), { isLastBatch: true }));
    const callsBefore = replica.oomnitza.calls.length;

    await deliver(
      bed,
      replica,
      run.changes([
        run.partialUser(1, { [STANDARD_MAPPING.dept]: 'Sales' }, later(run, 5)),
        run.partialUser(2, { [STANDARD_MAPPING.dept]: 'Support' }, later(run, -5)),
      ]),
    );

    expect(replica.oomnitza.calls).toHaveLength(callsBefore);
    expect(await reports(run)).toEqual([{ ...noChange, unchanged: 2 }]);
  });

  it.each([
    ['a 5xx', 503],
    ['no answer', 0],
  ])('keeps a change pending while Oomnitza fails with %s after its retries, and writes it once Oomnitza answers', async (_, status) => {
    const replica = bed.newReplica();
    const changes = new MappedRun();
    replica.oomnitza.failNext('send', new OomnitzaApiError(status, `Oomnitza answered ${status} to POST /api/v3/bulk (after 10 attempts)`));

    await deliver(bed, replica, changes.changes([changes.user(1)]));

    expect(replica.oomnitza.people()).toEqual([]);
    expect(await bed.pendingRecords(changes.integrationId)).toHaveLength(1);
    expect(await reports(changes)).toEqual([]);

    bed.clock.advance(RETRY_AFTER_FAILURE_MS);
    await replica.writeDue();

    expect(replica.oomnitza.people().map((person) => person[SYNC_FIELD])).toEqual([emailOf(1)]);
    expect(await reports(changes)).toEqual([{ ...noChange, created: 1 }]);
  });

  it('fails the records of a change whose Oomnitza credential is gone, and reports why', async () => {
    const replica = bed.newReplica();
    const changes = new MappedRun();
    replica.credentials.fail(changes.oomnitzaCredentialId, new CredentialProblemError(404, 'the Oomnitza credential was deleted'));

    await deliver(bed, replica, changes.changes([changes.user(1)]));

    const reason = `Oomnitza credential ${changes.oomnitzaCredentialId}: the Oomnitza credential was deleted`;
    expect(await reports(changes)).toEqual([{ ...noChange, failed: 1, errors: [{ recordKey: emailOf(1), reason }] }]);
    expect(await bed.pendingRecords(changes.integrationId)).toEqual([]);
  });
});
