import { defineMessage } from '../../envelope/message-definition';
import { SyncRunCompletedValue } from './value';

export * from './key';
export * from './value';

export const SyncRunCompleted = defineMessage({
  topic: 'sync.run.completed.v1',
  type: 'sync.run.completed',
  version: 1,
  value: SyncRunCompletedValue,
});
