import { MessageEnvelope, OomnitzaRecordsUpsertValue } from '@zoom-oomnitza-sync/contracts';
import { OomnitzaWriterEnvironment } from '../../src/oomnitza-writer.environment';
import { WriterReplica, WriterTestBed } from './writer-test-bed';

const FLUSH_MS = new OomnitzaWriterEnvironment().WRITE_FLUSH_DELAY_MS;

/** Records outside a run, received and then written as they become due. */
export async function deliver(bed: WriterTestBed, replica: WriterReplica, envelope: MessageEnvelope<OomnitzaRecordsUpsertValue>) {
  await replica.receive(envelope);
  await writeOutsideRuns(bed, replica);
}

/**
 * Writes what becomes due outside any run (webhook changes, a sweep's marks, approved removals):
 * the flush delay spaces an integration's requests, so it passes before each round of turns.
 */
export async function writeOutsideRuns(bed: WriterTestBed, replica: WriterReplica) {
  for (;;) {
    bed.clock.advance(FLUSH_MS);
    if (!(await replica.takeTurn())) {
      return;
    }
    await replica.writeDue();
  }
}
