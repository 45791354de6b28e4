import { defineMessage } from '../../envelope/message-definition';
import { RunProgressValue } from './value';

export * from './key';
export * from './value';

export const RunProgress = defineMessage({
  topic: 'run.progress.v1',
  type: 'run.progress',
  version: 1,
  value: RunProgressValue,
});
