import { Kafka, logLevel } from 'kafkajs';
import { createTestTopics, readTopic, TestTopics, testKafkaBrokers, waitFor } from '@zoom-oomnitza-sync/testing';

// The features the platform relies on, against the broker the test run uses (tools/kafka unless
// KAFKA_BROKERS points elsewhere): idempotent keyed produce with headers, per-key order,
// transactions, batch consumption with committed offsets.
describe('kafkajs round trip', () => {
  const kafka = new Kafka({ clientId: 'round-trip', brokers: testKafkaBrokers(), logLevel: logLevel.ERROR });
  let topics: TestTopics;

  beforeAll(async () => {
    topics = await createTestTopics('round_trip', ['round.trip.keyed.v1', 'round.trip.tx.v1']);
  });

  afterAll(async () => {
    await topics.delete();
  });

  it('keeps the order of one key on one partition and carries headers', async () => {
    const topic = topics.name('round.trip.keyed.v1');
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const messages = Array.from({ length: 30 }, (_, index) => ({
      key: `integration-${index % 3}`,
      value: JSON.stringify({ index }),
      headers: { 'x-correlation-id': `c-${index}` },
    }));
    await producer.send({ topic, acks: -1, messages });
    await producer.disconnect();

    const read = await readTopic(topic, { until: (received) => received.length >= messages.length });

    expect(read).toHaveLength(messages.length);
    for (const key of ['integration-0', 'integration-1', 'integration-2']) {
      const ofKey = read.filter((message) => message.key === key);
      expect(new Set(ofKey.map((message) => message.partition)).size).toBe(1);
      const indexes = ofKey.map((message) => message.json<{ index: number }>().index);
      expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
      expect(ofKey.every((message) => message.headers['x-correlation-id'] === `c-${message.json<{ index: number }>().index}`)).toBe(true);
    }
  });

  it('shows committed transactions and hides aborted ones from read-committed consumers', async () => {
    const topic = topics.name('round.trip.tx.v1');
    const producer = kafka.producer({ transactionalId: `${topics.prefix}tx`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const aborted = await producer.transaction();
    await aborted.send({ topic, messages: [{ key: 'k', value: 'aborted' }] });
    await aborted.abort();
    const committed = await producer.transaction();
    await committed.send({ topic, messages: [{ key: 'k', value: 'committed' }] });
    await committed.commit();
    await producer.disconnect();

    const groupId = `${topics.prefix}batch-reader`;
    const consumer = kafka.consumer({ groupId, readUncommitted: false, maxWaitTimeInMs: 100 });
    const values: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        for (const message of batch.messages) {
          values.push(message.value?.toString() ?? '');
          resolveOffset(message.offset);
        }
        await heartbeat();
      },
    });
    try {
      await waitFor(() => values.includes('committed'), { description: 'the committed message' });
    } finally {
      await consumer.disconnect();
    }
    expect(values).toEqual(['committed']);

    const admin = kafka.admin();
    await admin.connect();
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    await admin.disconnect();
    const committedOffsets = offsets.partitions.filter((partition) => partition.offset !== '-1');
    expect(committedOffsets.length).toBeGreaterThan(0);
  });
});
