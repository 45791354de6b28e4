export { IntegrationKey as IntegrationAlertKey } from '../../common/integration-key';
