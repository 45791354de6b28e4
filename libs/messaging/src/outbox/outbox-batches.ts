import { Message } from 'kafkajs';
import { MAX_BYTES_PER_SEND, MAX_TOPIC_BYTES_PER_SEND } from './kafka-size-limits';

/** An outbox row as the relay claims it. */
export interface ClaimedRow {
  id: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  /** The envelope as the publisher wrote it: sent as it is, never parsed. */
  payload: string;
  created_at: Date;
}

export interface OutgoingMessage {
  topic: string;
  message: Message;
  bytes: number;
}

export function toOutgoing(row: ClaimedRow): OutgoingMessage {
  const value = row.payload;
  const headerBytes = Object.entries(row.headers ?? {}).reduce((sum, [name, header]) => sum + name.length + Buffer.byteLength(header), 0);
  const bytes = Buffer.byteLength(value) + Buffer.byteLength(row.message_key ?? '') + headerBytes;
  return { topic: row.topic, message: { key: row.message_key, value, headers: row.headers }, bytes };
}

/** Keeps outbox order within each topic (the producer keeps it per partition). */
export function groupByTopic(outgoing: OutgoingMessage[]): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  for (const { topic, message } of outgoing) {
    const messages = byTopic.get(topic) ?? [];
    messages.push(message);
    byTopic.set(topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/**
 * Sends, in outbox order, that stay below the broker's limits: at most MAX_TOPIC_BYTES_PER_SEND
 * for any one topic (its messages may all share a partition, hence one record batch), at most
 * MAX_BYTES_PER_SEND in all. A message alone is always sent.
 */
export function* sendChunks(outgoing: OutgoingMessage[]): Generator<OutgoingMessage[]> {
  let chunk: OutgoingMessage[] = [];
  let bytes = 0;
  let topicBytes = new Map<string, number>();
  for (const item of outgoing) {
    const forTopic = topicBytes.get(item.topic) ?? 0;
    if (chunk.length > 0 && (bytes + item.bytes > MAX_BYTES_PER_SEND || forTopic + item.bytes > MAX_TOPIC_BYTES_PER_SEND)) {
      yield chunk;
      chunk = [];
      bytes = 0;
      topicBytes = new Map();
    }
    chunk.push(item);
    bytes += item.bytes;
    topicBytes.set(item.topic, (topicBytes.get(item.topic) ?? 0) + item.bytes);
  }
  if (chunk.length > 0) {
    yield chunk;
  }
}
