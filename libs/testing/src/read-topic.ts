import { ReadMessage } from './read-message';
import { MessagesPredicate, openTopicReader } from './topic-reader';

export interface ReadTopicOptions {
  /** Start at the oldest message (default true) or only read what arrives from now on. */
  fromBeginning?: boolean;
  /** Stop as soon as this holds for the messages read so far. */
  until: MessagesPredicate;
  timeoutMs?: number;
}

/** Reads a topic with a throwaway consumer group until `until` holds; returns what was read. */
export async function readTopic(topic: string, options: ReadTopicOptions): Promise<ReadMessage[]> {
  const reader = await openTopicReader(topic, { fromBeginning: options.fromBeginning ?? true });
  try {
    return await reader.consumeUntil(options.until, { timeoutMs: options.timeoutMs });
  } finally {
    await reader.close();
  }
}
