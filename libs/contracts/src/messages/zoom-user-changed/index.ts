import { defineMessage } from '../../envelope/message-definition';
import { ZoomUserChangedValue } from './value';

export * from './key';
export * from './value';

export const ZoomUserChanged = defineMessage({
  topic: 'zoom.user.changed.v1',
  type: 'zoom.user.changed',
  version: 1,
  value: ZoomUserChangedValue,
});
