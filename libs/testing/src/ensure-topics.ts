import { topicConfigEntries } from '@zoom-oomnitza-sync/contracts';
import { createTopicsWithLeaders } from '@zoom-oomnitza-sync/kafka-admin';
import { Kafka, logLevel } from 'kafkajs';

export interface TopicSettings {
  partitions?: number;
  replicationFactor?: number;
}

export function splitBrokers(brokers: string): string[] {
  return brokers
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}

/**
 * Creates the topics that do not exist yet; they take requests once it returns. Existing topics are left
 * as they are, so running it twice (or from two processes) is harmless.
 */
export async function ensureTopics(brokers: readonly string[], topics: readonly string[], settings: TopicSettings = {}): Promise<string[]> {
  const admin = new Kafka({ clientId: 'test-infrastructure', brokers: [...brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    await createTopicsWithLeaders(
      admin,
      missing.map((topic) => ({
        topic,
        numPartitions: settings.partitions ?? 3,
        replicationFactor: settings.replicationFactor ?? 1,
        configEntries: topicConfigEntries(topic),
      })),
    );
    return missing;
  } finally {
    await admin.disconnect();
  }
}
