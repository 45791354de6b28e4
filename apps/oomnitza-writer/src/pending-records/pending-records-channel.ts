import { notificationChannelOf, notifyChannel } from '@zoom-oomnitza-sync/messaging';
import { schemaOf } from '@zoom-oomnitza-sync/platform';
import { EntityManager } from 'typeorm';
import { PendingRecordEntity } from './pending-record.entity';

/** The LISTEN/NOTIFY channel on which a schema's writer hears that records are waiting. */
export function pendingRecordsChannelOf(schema: string): string {
  return notificationChannelOf('pending_records', schema);
}

/** Wakes the writer loops once the transaction commits: records wait for them. */
export async function notifyPendingRecords(manager: EntityManager): Promise<void> {
  await notifyChannel(manager, pendingRecordsChannelOf(schemaOf(manager.connection, PendingRecordEntity)));
}
