import { OomnitzaRecordsWritten } from '@zoom-oomnitza-sync/contracts';
import { EntityManager } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { PendingRecordEntity } from '../src/pending-records/pending-record.entity';
import { WriteQueues } from '../src/pending-records/write-queues';
import { writeOutsideRuns } from './support/deliver';
import { MappedRun, RUN_TIME_FIELD, SYNC_FIELD } from './support/mapped-run';
import { WriterTestBed } from './support/writer-test-bed';

describe('receiving records: the consumer only records what must be written', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_pending');
  });

  beforeEach(() => bed.clear());

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await bed?.destroy();
  });

  it("stores a run's records and the mark that ends it, in order, and returns without calling Oomnitza", async () => {
    const { oomnitza, receive } = bed.newReplica();
    const run = new MappedRun();
    const records = run.users(1, 3);

    await receive(run.batch(records, { isLastBatch: true, preference: 'update_only' }));

    expect(oomnitza.calls).toEqual([]);
    const pending = await bed.pendingRecords(run.integrationId);
    expect(pending.map(({ syncKey, endsRun }) => [syncKey, endsRun])).toEqual([
      ...records.map((record) => [record.syncKey, false]),
      [null, true],
    ]);
    expect(pending[0]).toMatchObject({
      tenantId: run.tenantId,
      runId: run.runId,
      oomnitzaCredentialId: run.oomnitzaCredentialId,
      preference: 'update_only',
      syncField: SYNC_FIELD,
      runTimeField: RUN_TIME_FIELD,
      zoomUserId: 'zoom-user-1',
      fields: records[0].fields,
      partial: false,
      observedAt: new Date(run.startedAt),
      arrivedAt: bed.clock.now(),
    });
    expect(await bed.portion(run.runId)).toMatchObject({ status: 'open', recordsSent: 0 });
    expect(await bed.published(OomnitzaRecordsWritten, run.runId)).toEqual([]);
  });

  it('stores records outside any run, partial ones marked so, without calling Oomnitza', async () => {
    const { oomnitza, receive } = bed.newReplica();
    const run = new MappedRun();

    await receive(run.changes([run.user(1), run.partialUser(2, { ZOOM_STATUS: 'inactive' })]));

    expect(oomnitza.calls).toEqual([]);
    const pending = await bed.pendingRecords(run.integrationId);
    expect(pending.map(({ runId, syncKey, partial, fields }) => ({ runId, syncKey, partial, fields }))).toEqual([
      { runId: null, syncKey: MappedRun.emailOf(1), partial: false, fields: run.user(1).fields },
      { runId: null, syncKey: MappedRun.emailOf(2), partial: true, fields: { ZOOM_STATUS: 'inactive' } },
    ]);
  });

  it('makes each integration of a consumed batch due once, in id order, after storing the whole batch', async () => {
    const replica = bed.newReplica();
    const [first, second] = [new MappedRun(), new MappedRun()].sort((a, b) => a.integrationId.localeCompare(b.integrationId));
    const recordsArrived = WriteQueues.prototype.recordsArrived;
    // The queue row it locks is held until the commit: what it saw stored tells when in the batch it came.
    const calls: { integrationId: string; storedBefore: number }[] = [];
    jest.spyOn(WriteQueues.prototype, 'recordsArrived').mockImplementation(async function (
      this: WriteQueues,
      manager: EntityManager,
      integrationId: string,
      inRun: boolean,
      now: Date,
    ) {
      calls.push({ integrationId, storedBefore: await manager.count(PendingRecordEntity) });
      return recordsArrived.call(this, manager, integrationId, inRun, now);
    });

    await replica.receiveBatch([
      second.changes([second.user(1)]),
      first.changes([first.user(1)]),
      second.changes([second.user(2)]),
      first.changes([first.user(2)]),
    ]);
    await writeOutsideRuns(bed, replica);

    expect(calls).toEqual([
      { integrationId: first.integrationId, storedBefore: 4 },
      { integrationId: second.integrationId, storedBefore: 4 },
    ]);
    const written = replica.oomnitza.requests.flatMap((request) => request.records.map((record) => record[SYNC_FIELD]));
    expect(written.sort()).toEqual([MappedRun.emailOf(1), MappedRun.emailOf(1), MappedRun.emailOf(2), MappedRun.emailOf(2)].sort());
  });

  it('stores a consumed batch of webhook records, one per message, with one insert, in message order', async () => {
    const replica = bed.newReplica();
    const changes = new MappedRun();
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');

    await replica.receiveBatch([
      changes.changes([changes.user(3)]),
      changes.changes([changes.user(1)]),
      changes.changes([changes.user(2)]),
    ]);

    const inserts = statements.mock.calls.map(([sql]) => String(sql)).filter((sql) => /INSERT INTO \S*"pending_records"/.test(sql));
    expect(inserts).toHaveLength(1);
    expect((await bed.pendingRecords(changes.integrationId)).map((record) => record.syncKey)).toEqual(
      [3, 1, 2].map((user) => MappedRun.emailOf(user)),
    );
  });

  it('stores a consumed batch larger than one statement can carry (65,535 parameters) whole, in order', async () => {
    const replica = bed.newReplica();
    const run = new MappedRun();
    const pages = Array.from({ length: 10 }, (_, page) => run.batch(run.users(page * 1000 + 1, 1000)));

    await replica.receiveBatch(pages);

    const pending = await bed.pendingRecords(run.integrationId);
    expect(pending.map((record) => record.syncKey)).toEqual(run.users(1, 10_000).map((record) => record.syncKey));
  });

  it('asks for the Oomnitza token as the tenant the records belong to, in a run and outside one', async () => {
    const replica = bed.newReplica();
    const run = new MappedRun();

    await replica.write(run.batch(run.users(1, 2), { isLastBatch: true }));
    await replica.receive(run.changes([run.user(3)]));
    await writeOutsideRuns(bed, replica);

    expect(replica.oomnitza.requests.length).toBeGreaterThan(0);
    expect(new Set(replica.credentials.asked.map((asked) => JSON.stringify(asked)))).toEqual(
      new Set([JSON.stringify({ tenantId: run.tenantId, credentialId: run.oomnitzaCredentialId })]),
    );
  });
});
