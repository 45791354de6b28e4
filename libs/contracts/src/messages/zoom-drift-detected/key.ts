export { IntegrationKey as ZoomDriftDetectedKey } from '../../common/integration-key';
