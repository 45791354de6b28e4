import { randomUUID } from 'node:crypto';
import { Admin, Kafka, logLevel, Producer } from 'kafkajs';
import { createTopicsWithLeaders } from '../src';

const ROUNDS = 3;
const TOPICS_PER_ROUND = 16;
const PARTITIONS = 3;

describe('createTopicsWithLeaders', () => {
  // The jest global setup provides the broker; libs/testing cannot be used here (it depends on this library).
  const kafka = new Kafka({
    clientId: 'kafka-admin-test',
    brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
    logLevel: logLevel.NOTHING,
  });
  const prefix = `kafka-admin-${randomUUID()}`;
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    const ours = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    await admin.deleteTopics({ topics: ours });
    await admin.disconnect();
  });

  it('returns only once every partition of many new topics takes writes, round after round of creating and deleting', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const names = Array.from({ length: TOPICS_PER_ROUND }, (_, index) => `${prefix}.${round}.${index}`);
      await createTopicsWithLeaders(
        admin,
        names.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })),
      );

      const metadata = await admin.fetchTopicMetadata({ topics: names });
      expect(metadata.topics.flatMap((topic) => topic.partitions.map((partition) => partition.leader >= 0))).toEqual(
        Array(TOPICS_PER_ROUND * PARTITIONS).fill(true),
      );
      expect(await writeToEveryPartition(names, `round ${round}`)).toHaveLength(TOPICS_PER_ROUND * PARTITIONS);
      // Deleting makes the next round's creation race the broker's metadata again.
      await admin.deleteTopics({ topics: names });
    }
  });

  /** A producer of its own: kafkajs producers keep refreshing metadata of topics they once wrote to, deleted or not. */
  async function writeToEveryPartition(names: readonly string[], value: string) {
    const producer: Producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    await producer.connect();
    try {
      const messages = Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, value }));
      return await producer.sendBatch({ acks: -1, topicMessages: names.map((topic) => ({ topic, messages })) });
    } finally {
      await producer.disconnect();
    }
  }

  it('creates nothing and returns at once for an empty list', async () => {
    const before = await admin.listTopics();
    await createTopicsWithLeaders(admin, []);
    expect(await admin.listTopics()).toEqual(before);
  });
});
