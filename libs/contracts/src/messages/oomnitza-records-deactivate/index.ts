import { defineMessage } from '../../envelope/message-definition';
import { OomnitzaRecordsDeactivateValue } from './value';

export * from './key';
export * from './value';

export const OomnitzaRecordsDeactivate = defineMessage({
  topic: 'oomnitza.records.deactivate.v1',
  type: 'oomnitza.records.deactivate',
  version: 1,
  value: OomnitzaRecordsDeactivateValue,
});
