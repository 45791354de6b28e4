export { IntegrationKey as CredentialsChangedKey } from '../../common/integration-key';
