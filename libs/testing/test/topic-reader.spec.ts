import { Producer } from 'kafkajs';
import { createTestTopics, openTopicReader, readTopic, testKafka, TestTopics } from '../src';

describe('reading topics in tests', () => {
  let topics: TestTopics;
  let producer: Producer;

  beforeAll(async () => {
    topics = await createTestTopics('reader', ['reader.first.v1', 'reader.second.v1', 'reader.third.v1']);
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await topics.delete();
  });

  it('readTopic reads from the beginning with keys, headers and JSON values', async () => {
    const topic = topics.name('reader.first.v1');
    await producer.send({
      topic,
      messages: [
        { key: 'integration-1', value: JSON.stringify({ n: 1 }), headers: { 'x-correlation-id': 'c-1' } },
        { key: 'integration-1', value: JSON.stringify({ n: 2 }) },
      ],
    });

    const messages = await readTopic(topic, { until: (read) => read.length >= 2 });

    expect(messages.map((message) => message.json<{ n: number }>().n)).toEqual([1, 2]);
    expect(messages[0]).toMatchObject({ topic, key: 'integration-1', headers: { 'x-correlation-id': 'c-1' } });
  });

  it('a reader opened without fromBeginning sees only what is produced after it opened', async () => {
    const topic = topics.name('reader.second.v1');
    await producer.send({ topic, messages: [{ key: 'k', value: 'old' }] });
    const reader = await openTopicReader(topic);
    try {
      await producer.send({ topic, messages: [{ key: 'k', value: 'new' }] });
      const messages = await reader.consumeUntil((read) => read.some((message) => message.value === 'new'));
      expect(messages.map((message) => message.value)).toEqual(['new']);
    } finally {
      await reader.close();
    }
  });

  it('consumeUntil fails at its deadline and says what it was reading', async () => {
    const topic = topics.name('reader.third.v1');
    const reader = await openTopicReader(topic);
    try {
      await expect(reader.consumeUntil((read) => read.length > 0, { timeoutMs: 300 })).rejects.toThrow(
        new RegExp(`Timed out after 300 ms waiting for messages on ${topic.replace(/\./g, '\\.')}`),
      );
    } finally {
      await reader.close();
    }
  });
});
