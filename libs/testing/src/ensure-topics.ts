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
 * Creates the topics that do not exist yet and waits for their leaders. Existing topics are left
 * as they are, so running it twice (or from two processes) is harmless.
 */
export async function ensureTopics(brokers: readonly string[], topics: readonly string[], settings: TopicSettings = {}): Promise<string[]> {
  const admin = new Kafka({ clientId: 'test-infrastructure', brokers: [...brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        topics: missing.map((topic) => ({
          topic,
          numPartitions: settings.partitions ?? 3,
          replicationFactor: settings.replicationFactor ?? 1,
        })),
        waitForLeaders: true,
        // A fresh broker on a busy machine can take longer than kafkajs's 5 s to elect leaders.
        timeout: 30_000,
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
