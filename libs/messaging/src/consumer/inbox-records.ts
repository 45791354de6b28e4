import { EntityManager } from 'typeorm';
import { InboxMessageEntity } from '../persistence/inbox-message.entity';
import { preparedStatement, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DecodedMessage } from './message-decoder';

export interface InboxTarget {
  consumer: string;
  topic: string;
  partition: number;
}

/**
 * Records the messages as processed by this consumer inside the caller's transaction and returns
 * the ones not processed before (first occurrence of each messageId), in their original order.
 */
export async function claimUnprocessed<T extends object>(
  manager: EntityManager,
  target: InboxTarget,
  messages: DecodedMessage<T>[],
): Promise<DecodedMessage<T>[]> {
  const rows: { message_id: string }[] = await manager.query(
    preparedStatement(`INSERT INTO ${qualifiedTable(manager.connection, InboxMessageEntity)} (message_id, consumer, topic, partition, "offset")
     SELECT m.message_id, $2, $3, $4, m.message_offset FROM unnest($1::uuid[], $5::bigint[]) AS m(message_id, message_offset)
     ON CONFLICT DO NOTHING RETURNING message_id`),
    [
      messages.map((message) => message.envelope.messageId),
      target.consumer,
      target.topic,
      target.partition,
      messages.map((message) => message.record.offset),
    ],
  );
  const fresh = new Set(rows.map((row) => row.message_id));
  return messages.filter((message) => fresh.delete(message.envelope.messageId));
}
