import { defineMessage } from '../../envelope/message-definition';
import { OomnitzaRecordsWrittenValue } from './value';

export * from './key';
export * from './value';

export const OomnitzaRecordsWritten = defineMessage({
  topic: 'oomnitza.records.written.v1',
  type: 'oomnitza.records.written',
  version: 1,
  value: OomnitzaRecordsWrittenValue,
});
