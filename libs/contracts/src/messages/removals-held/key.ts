export { IntegrationKey as RemovalsHeldKey } from '../../common/integration-key';
