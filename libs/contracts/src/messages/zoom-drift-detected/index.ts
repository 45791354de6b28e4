import { defineMessage } from '../../envelope/message-definition';
import { ZoomDriftDetectedValue } from './value';

export * from './key';
export * from './value';

export const ZoomDriftDetected = defineMessage({
  topic: 'zoom.drift.detected.v1',
  type: 'zoom.drift.detected',
  version: 1,
  value: ZoomDriftDetectedValue,
});
