export { IntegrationKey as RunProgressKey } from '../../common/integration-key';
