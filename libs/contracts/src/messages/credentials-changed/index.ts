import { defineMessage } from '../../envelope/message-definition';
import { CredentialsChangedValue } from './value';

export * from './key';
export * from './value';

export const CredentialsChanged = defineMessage({
  topic: 'credentials.changed.v1',
  type: 'credentials.changed',
  version: 1,
  value: CredentialsChangedValue,
});
