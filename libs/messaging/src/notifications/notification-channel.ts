import { EntityManager } from 'typeorm';

const MAX_IDENTIFIER_LENGTH = 63;

/** A LISTEN/NOTIFY channel of one schema's work queue: replicas of one deployment share it, other schemas do not. */
export function notificationChannelOf(queue: string, schema: string): string {
  return `${queue}_${schema}`.slice(0, MAX_IDENTIFIER_LENGTH);
}

/** Inside a transaction: the channel's listeners hear it once the transaction commits, never if it rolls back. */
export async function notifyChannel(manager: EntityManager, channel: string): Promise<void> {
  await manager.query(`SELECT pg_notify($1, '')`, [channel]);
}
