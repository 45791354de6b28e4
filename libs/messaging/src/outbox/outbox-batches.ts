import { Message } from 'kafkajs';

const MAX_BYTES_PER_SEND = 4 * 1024 * 1024;

/** An outbox row as the relay claims it. */
export interface ClaimedRow {
  id: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: object;
  created_at: Date;
}

export interface OutgoingMessage {
  topic: string;
  message: Message;
  bytes: number;
}

export function toOutgoing(row: ClaimedRow): OutgoingMessage {
  const value = JSON.stringify(row.payload);
  return { topic: row.topic, message: { key: row.message_key, value, headers: row.headers }, bytes: Buffer.byteLength(value) };
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

/** Produce requests stay well below the broker's request size limit. */
export function* sendChunks(outgoing: OutgoingMessage[]): Generator<OutgoingMessage[]> {
  let chunk: OutgoingMessage[] = [];
  let bytes = 0;
  for (const item of outgoing) {
    if (chunk.length > 0 && bytes + item.bytes > MAX_BYTES_PER_SEND) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(item);
    bytes += item.bytes;
  }
  if (chunk.length > 0) {
    yield chunk;
  }
}
