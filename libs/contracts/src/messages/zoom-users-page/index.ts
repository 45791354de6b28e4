import { defineMessage } from '../../envelope/message-definition';
import { ZoomUsersPageValue } from './value';

export * from './key';
export * from './value';

export const ZoomUsersPage = defineMessage({
  topic: 'zoom.users.page.v1',
  type: 'zoom.users.page',
  version: 1,
  value: ZoomUsersPageValue,
});
