import { defineMessage } from '@zoom-oomnitza-sync/contracts';
import { IsNotEmpty, IsString } from 'class-validator';

export class TestNoteValue {
  @IsString()
  @IsNotEmpty()
  label: string;
}

/** The message kind the integration tests send through the real outbox, relay and consumer. */
export const TestNote = defineMessage({ topic: 'messaging.test.note.v1', type: 'messaging.test.note', version: 1, value: TestNoteValue });

/** The same payload on a topic consumed by a batch handler. */
export const TestBatchNote = defineMessage({
  topic: 'messaging.test.batch-note.v1',
  type: 'messaging.test.batch-note',
  version: 1,
  value: TestNoteValue,
});
