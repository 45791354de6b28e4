export { IntegrationKey as SyncRunCompletedKey } from '../../common/integration-key';
