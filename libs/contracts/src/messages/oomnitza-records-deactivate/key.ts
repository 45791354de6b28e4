export { IntegrationKey as OomnitzaRecordsDeactivateKey } from '../../common/integration-key';
