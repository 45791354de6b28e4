import { defineMessage } from '../../envelope/message-definition';
import { SyncRunRequestedValue } from './value';

export * from './key';
export * from './value';

export const SyncRunRequested = defineMessage({
  topic: 'sync.run.requested.v1',
  type: 'sync.run.requested',
  version: 1,
  value: SyncRunRequestedValue,
});
