export { IntegrationKey as RemovalsDecidedKey } from '../../common/integration-key';
