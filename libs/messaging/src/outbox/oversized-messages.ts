import { deadLetterTopicOf } from '@zoom-oomnitza-sync/contracts';
import { Message } from 'kafkajs';
import { buildDeadLetterMessage } from '../consumer/dead-letter-message';
import { OutgoingMessage } from './outbox-batches';

/** Whether the broker refused a send because a record batch was over its limit (anywhere in the error's causes). */
export function isMessageTooLarge(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let inspected = 0; pending.length > 0 && inspected < 10; inspected += 1) {
    const current = pending.shift() as Record<string, unknown> | null | undefined;
    if (typeof current !== 'object' || current === null) {
      continue;
    }
    if (current.type === 'MESSAGE_TOO_LARGE') {
      return true;
    }
    pending.push(current.cause, current.originalError, ...(Array.isArray(current.errors) ? current.errors : []));
  }
  return false;
}

/**
 * The notice that takes a refused message's place on its dead-letter topic: its envelope without
 * the payload (which is what is too large; the outbox row keeps it until housekeeping), with the
 * usual dead-letter headers naming the topic, the reason and who set it aside.
 */
export function setAsideNotice(item: OutgoingMessage, setAsideBy: string, at: Date): { topic: string; message: Message } {
  const envelope = JSON.parse(String(item.message.value)) as Record<string, unknown>;
  delete envelope.payload;
  const notice = buildDeadLetterMessage(
    {
      topic: item.topic,
      partition: -1,
      consumerGroup: setAsideBy,
      message: {
        key: item.message.key === null || item.message.key === undefined ? null : Buffer.from(item.message.key),
        value: Buffer.from(JSON.stringify(envelope)),
        headers: item.message.headers ?? {},
        offset: '-1',
        timestamp: String(at.getTime()),
        attributes: 0,
      },
    },
    {
      reason: 'message-too-large',
      error: `refused by the broker as too large (${item.bytes} bytes of value, key and headers): set aside before it reached the topic`,
      attempts: 1,
    },
    at,
  );
  return { topic: deadLetterTopicOf(item.topic), message: notice };
}

/**
 * Sends a chunk; if the broker refuses it as too large, sends its messages one at a time, and sets
 * aside (on the dead-letter topic) each one it refuses even alone, so the rest flows. Resending
 * may publish a message of the chunk twice: consumers absorb that through their inbox.
 */
export async function sendOrSetAside(
  chunk: OutgoingMessage[],
  send: (chunk: OutgoingMessage[]) => Promise<void>,
  setAside: (item: OutgoingMessage) => Promise<void>,
): Promise<void> {
  try {
    await send(chunk);
    return;
  } catch (error) {
    if (!isMessageTooLarge(error)) {
      throw error;
    }
  }
  if (chunk.length === 1) {
    await setAside(chunk[0]);
    return;
  }
  for (const item of chunk) {
    await sendOrSetAside([item], send, setAside);
  }
}
