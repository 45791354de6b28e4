import { schemaOf } from '@zoom-oomnitza-sync/platform';
import { EntityManager } from 'typeorm';
import { PendingRecordEntity } from './pending-record.entity';

const MAX_IDENTIFIER_LENGTH = 63;

/** The LISTEN/NOTIFY channel on which a schema's writer hears that records are waiting. */
export function pendingRecordsChannelOf(schema: string): string {
  return `pending_records_${schema}`.slice(0, MAX_IDENTIFIER_LENGTH);
}

/** Wakes the writer loops once the transaction commits: records wait for them. */
export async function notifyPendingRecords(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_notify($1, '')`, [pendingRecordsChannelOf(schemaOf(manager.connection, PendingRecordEntity))]);
}
