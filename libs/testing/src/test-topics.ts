import { allTopics, deadLetterTopicOf } from '@zoom-oomnitza-sync/contracts';
import { ensureTopics, TopicSettings } from './ensure-topics';
import { testKafka } from './test-kafka';
import { testKafkaBrokers } from './test-settings';
import { uniqueName } from './unique-name';
import { waitFor } from './wait-for';

export interface TestTopics {
  /** The KAFKA_TOPIC_PREFIX to give the app under test; its consumer groups carry it too. */
  readonly prefix: string;
  /** The prefixed names of every topic created. */
  readonly topics: readonly string[];
  /** The prefixed name of a catalogue topic. */
  name(topic: string): string;
  /** Deletes the topics and the consumer groups that carry the prefix. */
  delete(): Promise<void>;
}

function withDeadLetters(topics: readonly string[]): string[] {
  const dlq = deadLetterTopicOf('');
  return [...new Set(topics.flatMap((topic) => (topic.endsWith(dlq) ? [topic] : [topic, deadLetterTopicOf(topic)])))];
}

async function deleteGroupsWithPrefix(prefix: string): Promise<void> {
  const admin = testKafka('test-topics').admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const ours = groups.map((group) => group.groupId).filter((groupId) => groupId.startsWith(prefix));
    if (ours.length > 0) {
      // A group whose consumer a failed test left running cannot be deleted; the broker expires
      // it with its offsets, so that one refusal must not hide the test's own result.
      await admin.deleteGroups(ours).catch(() => undefined);
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Creates the catalogue topics (or the given ones), each with its dead-letter topic, under a
 * unique prefix for one test file.
 */
export async function createTestTopics(
  prefix: string,
  topics: readonly string[] = allTopics(),
  settings: TopicSettings = {},
): Promise<TestTopics> {
  const topicPrefix = `${uniqueName(prefix)}.`;
  const names = withDeadLetters(topics).map((topic) => `${topicPrefix}${topic}`);
  await ensureTopics(testKafkaBrokers(), names, settings);
  return {
    prefix: topicPrefix,
    topics: names,
    name: (topic) => `${topicPrefix}${topic}`,
    delete: async () => {
      const admin = testKafka('test-topics').admin();
      await admin.connect();
      try {
        await admin.deleteTopics({ topics: names });
        // Deletion completes asynchronously; wait so the next test sees a clean broker.
        await waitFor(async () => !(await admin.listTopics()).some((topic) => names.includes(topic)), {
          description: `deletion of the topics under ${topicPrefix}`,
        });
      } finally {
        await admin.disconnect();
      }
      await deleteGroupsWithPrefix(topicPrefix);
    },
  };
}
