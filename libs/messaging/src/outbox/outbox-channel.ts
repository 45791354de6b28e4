import { notificationChannelOf } from '../notifications/notification-channel';

/** The LISTEN/NOTIFY channel on which a schema's outbox announces new rows. */
export function outboxChannelOf(schema: string): string {
  return notificationChannelOf('outbox', schema);
}
