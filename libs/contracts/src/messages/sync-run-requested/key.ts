export { IntegrationKey as SyncRunRequestedKey } from '../../common/integration-key';
