import { defineMessage } from '../../envelope/message-definition';
import { RemovalsDecidedValue } from './value';

export * from './key';
export * from './value';

export const RemovalsDecided = defineMessage({
  topic: 'removals.decided.v1',
  type: 'removals.decided',
  version: 1,
  value: RemovalsDecidedValue,
});
