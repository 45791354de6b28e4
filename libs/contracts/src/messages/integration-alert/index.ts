import { defineMessage } from '../../envelope/message-definition';
import { IntegrationAlertValue } from './value';

export * from './key';
export * from './value';

export const IntegrationAlert = defineMessage({
  topic: 'integration.alert.v1',
  type: 'integration.alert',
  version: 1,
  value: IntegrationAlertValue,
});
