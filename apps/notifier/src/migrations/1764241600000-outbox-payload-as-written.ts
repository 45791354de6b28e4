import { OutboxPayloadAsWrittenMigration } from '@zoom-oomnitza-sync/messaging';

/** The outbox keeps each envelope as written (`json`): the relay sends it as it is. */
export class OutboxPayloadAsWritten1764241600000 extends OutboxPayloadAsWrittenMigration {}
