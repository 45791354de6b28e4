import { ReadMessage, toReadMessage } from './read-message';
import { testKafka } from './test-kafka';
import { uniqueName } from './unique-name';
import { waitFor } from './wait-for';

export interface TopicReaderOptions {
  /** Read what is already on the topics too (default: only messages produced after opening). */
  fromBeginning?: boolean;
}

export type MessagesPredicate = (messages: readonly ReadMessage[]) => boolean;

export interface TopicReader {
  /** Everything read so far, in arrival order. */
  readonly messages: readonly ReadMessage[];
  /** Waits until `until` holds for the messages read so far and returns them. */
  consumeUntil(until: MessagesPredicate, options?: { timeoutMs?: number }): Promise<ReadMessage[]>;
  /** Stops reading and deletes the throwaway consumer group. */
  close(): Promise<void>;
}

async function endOffsets(topics: readonly string[]): Promise<Map<string, bigint>> {
  const admin = testKafka('test-reader').admin();
  await admin.connect();
  try {
    const ends = new Map<string, bigint>();
    for (const topic of topics) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        ends.set(`${topic}/${partition}`, BigInt(high));
      }
    }
    return ends;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Starts reading topics with a consumer group of its own. "Only new messages" is decided by the
 * end offsets at opening time rather than by the group's join, so a message produced right after
 * `openTopicReader` resolves is never missed, however long the join takes.
 */
export async function openTopicReader(topics: string | readonly string[], options: TopicReaderOptions = {}): Promise<TopicReader> {
  const topicList = typeof topics === 'string' ? [topics] : [...topics];
  const startAt = options.fromBeginning ? new Map<string, bigint>() : await endOffsets(topicList);
  const kafka = testKafka('test-reader');
  const groupId = uniqueName('test_reader');
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  const messages: ReadMessage[] = [];
  let crash: Error | undefined;
  consumer.on(consumer.events.CRASH, (event) => {
    crash = event.payload.error;
  });
  await consumer.connect();
  await consumer.subscribe({ topics: topicList, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      if (BigInt(message.offset) >= (startAt.get(`${topic}/${partition}`) ?? 0n)) {
        messages.push(toReadMessage(topic, partition, message));
      }
    },
  });

  return {
    messages,
    consumeUntil: (until, waitOptions = {}) =>
      waitFor(
        () => {
          if (crash) {
            throw crash;
          }
          return until(messages) ? [...messages] : undefined;
        },
        {
          timeoutMs: waitOptions.timeoutMs,
          intervalMs: 20,
          description: () => `messages on ${topicList.join(', ')} (read ${messages.length} so far)`,
        },
      ),
    close: async () => {
      await consumer.disconnect();
      const admin = kafka.admin();
      await admin.connect();
      // A consumer that never joined leaves no group behind to delete.
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
