import { defineMessage } from '../../envelope/message-definition';
import { CredentialsChangedValue } from './value';

export * from './key';
export * from './value';

export const CredentialsChanged = defineMessage({
  topic: 'credentials.changed.v1',
  type: 'credentials.changed',
  version: 1,
  value: CredentialsChangedValue,
  // Whose each credential is, and whether it was deleted, must outlive any retention: the scheduler's read model is built from it.
  compacted: true,
});
