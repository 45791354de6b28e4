import { defineMessage } from '../../envelope/message-definition';
import { IntegrationChangedValue } from './value';

export * from './key';
export * from './value';

export const IntegrationChanged = defineMessage({
  topic: 'integration.changed.v1',
  type: 'integration.changed',
  version: 1,
  value: IntegrationChangedValue,
});
