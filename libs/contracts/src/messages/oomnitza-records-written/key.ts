export { IntegrationKey as OomnitzaRecordsWrittenKey } from '../../common/integration-key';
