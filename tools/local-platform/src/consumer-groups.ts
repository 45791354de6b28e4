import { testKafka, waitFor } from '@zoom-oomnitza-sync/testing';

/**
 * Moves a stopped group's committed offsets back to the start of a topic, as if its last commits
 * had been lost. Waits for the broker to notice the group's members are gone first.
 */
export async function rewindConsumerGroup(groupId: string, topic: string): Promise<void> {
  const admin = testKafka('rewind').admin();
  await admin.connect();
  try {
    await waitFor(
      async () => {
        const [group] = (await admin.describeGroups([groupId])).groups;
        return group.members.length === 0;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: `group ${groupId} to have no members` },
    );
    await admin.resetOffsets({ groupId, topic, earliest: true });
  } finally {
    await admin.disconnect();
  }
}

/** True once the group has committed every message on the topic. */
export async function groupHasCaughtUp(groupId: string, topic: string): Promise<boolean> {
  const admin = testKafka('lag').admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return ends.every((end) => {
      const partition = committed.partitions.find((candidate) => candidate.partition === end.partition);
      // A partition that never held a message has nothing to commit (its offset stays -1).
      return end.high === '0' || partition?.offset === end.high;
    });
  } finally {
    await admin.disconnect();
  }
}

/** How many records a topic has ever held (the sum of its partitions' high watermarks). */
export async function messagesOn(topic: string): Promise<number> {
  const admin = testKafka('count').admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((total, partition) => total + Number(partition.high) - Number(partition.low), 0);
  } finally {
    await admin.disconnect();
  }
}
