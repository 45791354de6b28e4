import { MessageEnvelope, OomnitzaRecordsUpsertValue } from '@zoom-oomnitza-sync/contracts';
import { OomnitzaWriterEnvironment } from '../../src/oomnitza-writer.environment';
import { WriterReplica, WriterTestBed } from './writer-test-bed';

const FLUSH_MS = new OomnitzaWriterEnvironment().WRITE_FLUSH_DELAY_MS;

/** Records outside a run, received and then written once they are due (after the flush delay). */
export async function deliver(bed: WriterTestBed, replica: WriterReplica, envelope: MessageEnvelope<OomnitzaRecordsUpsertValue>) {
  await replica.receive(envelope);
  bed.clock.advance(FLUSH_MS);
  await replica.writeDue();
}

/** Writes what became due outside any run (a sweep's marks, approved removals): the flush delay passes first. */
export async function writeOutsideRuns(bed: WriterTestBed, replica: WriterReplica) {
  bed.clock.advance(FLUSH_MS);
  await replica.writeDue();
}
