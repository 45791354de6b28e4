export { IntegrationKey as IntegrationChangedKey } from '../../common/integration-key';
