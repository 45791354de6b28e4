export { IntegrationKey as ZoomUserChangedKey } from '../../common/integration-key';
