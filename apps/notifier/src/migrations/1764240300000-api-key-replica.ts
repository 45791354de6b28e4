import { ApiKeyReplicaMigration } from '@zoom-oomnitza-sync/messaging';

/** api_keys holds the keys the credentials service issues, kept from api-keys.changed. */
export class ApiKeyReplica1764240300000 extends ApiKeyReplicaMigration {}
