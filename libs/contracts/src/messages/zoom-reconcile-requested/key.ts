export { IntegrationKey as ZoomReconcileRequestedKey } from '../../common/integration-key';
