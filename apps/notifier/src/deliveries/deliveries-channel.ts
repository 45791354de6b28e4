import { notificationChannelOf } from '@zoom-oomnitza-sync/messaging';

/** The LISTEN/NOTIFY channel on which a schema's senders hear that emails wait. */
export function deliveriesChannelOf(schema: string): string {
  return notificationChannelOf('deliveries', schema);
}
