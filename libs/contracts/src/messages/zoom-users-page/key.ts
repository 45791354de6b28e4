export { IntegrationKey as ZoomUsersPageKey } from '../../common/integration-key';
