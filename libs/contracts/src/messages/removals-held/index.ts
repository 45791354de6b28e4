import { defineMessage } from '../../envelope/message-definition';
import { RemovalsHeldValue } from './value';

export * from './key';
export * from './value';

export const RemovalsHeld = defineMessage({
  topic: 'removals.held.v1',
  type: 'removals.held',
  version: 1,
  value: RemovalsHeldValue,
});
