import { OomnitzaRecordsWritten } from '@zoom-oomnitza-sync/contracts';
import { waitFor } from '@zoom-oomnitza-sync/testing';
import { OomnitzaWriterEnvironment } from '../src/oomnitza-writer.environment';
import { DyingOutbox } from './support/dying-outbox';
import { MappedRun } from './support/mapped-run';
import { ScriptedOomnitza } from './support/scripted-oomnitza';
import { WriterTestBed } from './support/writer-test-bed';

const LEASE_MS = new OomnitzaWriterEnvironment().WRITE_LEASE_SECONDS * 1000;

describe('a replica that dies between Oomnitza’s answer and its commit', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_crash');
  });

  beforeEach(() => bed.clear());

  afterAll(async () => {
    await bed?.destroy();
  });

  it('costs one batch sent again by the replica that takes over, and every record is counted once', async () => {
    const oomnitza = new ScriptedOomnitza();
    const dying = new DyingOutbox(bed.topicNames);
    const doomed = bed.newReplica({ oomnitza, outbox: dying });
    const survivor = bed.newReplica({ oomnitza });
    const run = new MappedRun();
    const records = run.users(1, 350);
    await doomed.receive(run.batch(records, { isLastBatch: true }));
    expect(await doomed.takeTurn()).toBe(true);
    dying.dieAtNextOutcome();

    const doomedTurn = doomed.takeTurn();
    await waitFor(() => dying.died, { intervalMs: 5, description: 'the replica to die while committing' });
    expect(await survivor.takeTurn()).toBe(false);
    bed.clock.advance(LEASE_MS);
    await survivor.writeDue();

    const sent = oomnitza.requests.map((request) => request.records.map((record) => String(record[request.syncField])));
    expect(sent.map((keys) => keys.length)).toEqual([100, 100, 100, 100, 50]);
    expect(sent[2]).toEqual(sent[1]);
    expect(sent.filter((_, request) => request !== 2).flat()).toEqual(records.map((record) => record.syncKey));
    const reports = (await bed.published(OomnitzaRecordsWritten, run.runId)).map((envelope) => envelope.payload);
    expect(reports.map((report) => report.created)).toEqual([100, 100, 100, 50]);
    expect(reports.map((report) => report.runFinished)).toEqual([false, false, false, true]);
    // Oomnitza matched the batch sent again on its sync key: an update there, and nothing more.
    expect(oomnitza.runLog(run.runId)).toMatchObject({ added: 350, updated: 100, finalized: true });
    expect(await bed.syncStates(run.integrationId)).toHaveLength(350);

    dying.wake();
    expect(await doomedTurn).toBe(true);
  });
});
