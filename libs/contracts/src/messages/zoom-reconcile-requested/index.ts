import { defineMessage } from '../../envelope/message-definition';
import { ZoomReconcileRequestedValue } from './value';

export * from './key';
export * from './value';

export const ZoomReconcileRequested = defineMessage({
  topic: 'zoom.reconcile.requested.v1',
  type: 'zoom.reconcile.requested',
  version: 1,
  value: ZoomReconcileRequestedValue,
});
