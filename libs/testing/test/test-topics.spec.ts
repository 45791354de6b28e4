import { allTopics, ZoomUserChanged } from '@zoom-oomnitza-sync/contracts';
import { createTestTopics, testKafka } from '../src';

async function existingTopics(): Promise<string[]> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

describe('createTestTopics', () => {
  it('creates every catalogue topic and dead-letter topic under a unique prefix and deletes them', async () => {
    const topics = await createTestTopics('harness');
    const expected = allTopics().map((topic) => `${topics.prefix}${topic}`);
    try {
      expect([...topics.topics].sort()).toEqual([...expected].sort());
      expect(await existingTopics()).toEqual(expect.arrayContaining(expected));
    } finally {
      await topics.delete();
    }
    const remaining = await existingTopics();
    expect(remaining.filter((topic) => topic.startsWith(topics.prefix))).toEqual([]);
  });

  it('adds the dead-letter topic to each topic asked for', async () => {
    const topics = await createTestTopics('harness', [ZoomUserChanged.topic], { partitions: 2 });
    try {
      expect(topics.topics).toEqual([topics.name(ZoomUserChanged.topic), topics.name(`${ZoomUserChanged.topic}.dlq`)]);
      const admin = testKafka().admin();
      await admin.connect();
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics.topics] });
      await admin.disconnect();
      expect(metadata.topics.map((topic) => topic.partitions.length)).toEqual([2, 2]);
    } finally {
      await topics.delete();
    }
  });

  it('deletes the consumer groups that carry its prefix', async () => {
    const topics = await createTestTopics('harness', [ZoomUserChanged.topic]);
    const kafka = testKafka();
    const groupId = `${topics.prefix}mapper`;
    const consumer = kafka.consumer({ groupId });
    const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
    await consumer.connect();
    await consumer.subscribe({ topics: [topics.name(ZoomUserChanged.topic)] });
    await consumer.run({ eachMessage: async () => undefined });
    await joined;
    await consumer.disconnect();

    await topics.delete();

    const admin = kafka.admin();
    await admin.connect();
    const { groups } = await admin.listGroups();
    await admin.disconnect();
    expect(groups.map((group) => group.groupId)).not.toContain(groupId);
  });
});
