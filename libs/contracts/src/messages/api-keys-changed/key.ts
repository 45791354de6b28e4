export { IntegrationKey as ApiKeysChangedKey } from '../../common/integration-key';
