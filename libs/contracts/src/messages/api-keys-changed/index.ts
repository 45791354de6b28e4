import { defineMessage } from '../../envelope/message-definition';
import { ApiKeysChangedValue } from './value';

export * from './key';
export * from './value';

export const ApiKeysChanged = defineMessage({
  topic: 'api-keys.changed.v1',
  type: 'api-keys.changed',
  version: 1,
  value: ApiKeysChangedValue,
  // Every service's key read model is built from it, whatever its age: the newest state of each key must outlive any retention.
  compacted: true,
});
