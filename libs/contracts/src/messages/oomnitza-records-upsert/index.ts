import { defineMessage } from '../../envelope/message-definition';
import { OomnitzaRecordsUpsertValue } from './value';

export * from './key';
export * from './value';

export const OomnitzaRecordsUpsert = defineMessage({
  topic: 'oomnitza.records.upsert.v1',
  type: 'oomnitza.records.upsert',
  version: 1,
  value: OomnitzaRecordsUpsertValue,
});
