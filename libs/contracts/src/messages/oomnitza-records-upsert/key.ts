export { IntegrationKey as OomnitzaRecordsUpsertKey } from '../../common/integration-key';
