import { notificationChannelOf } from '@zoom-oomnitza-sync/messaging';

/** The LISTEN/NOTIFY channel on which a schema's writer hears that records are waiting. */
export function pendingRecordsChannelOf(schema: string): string {
  return notificationChannelOf('pending_records', schema);
}
