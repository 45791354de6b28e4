import { OomnitzaRecordsWritten } from '@zoom-oomnitza-sync/contracts';
import { MappedRun, RUN_TIME_FIELD, SYNC_FIELD } from './support/mapped-run';
import { WriterTestBed } from './support/writer-test-bed';

describe('receiving records: the consumer only records what must be written', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_pending');
  });

  beforeEach(() => bed.clear());

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
});
