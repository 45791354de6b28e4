import { Admin, ITopicConfig, KafkaJSError, KafkaJSProtocolError } from 'kafkajs';

/** What a broker answers while it has not yet taken on a partition the controller just created. */
const NOT_YET_READY = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION']);
const MAX_POLL_MS = 500;

/**
 * Creates topics and returns once the leader of every partition serves it, so they can be used at
 * once. kafkajs's own `waitForLeaders` gives up on UNKNOWN_TOPIC_OR_PARTITION, which a KRaft broker
 * answers for a moment after creation (kafkajs issue #1222), and a leader named in the metadata
 * may still refuse requests until it has created the partition: both are waited through here.
 */
export async function createTopicsWithLeaders(admin: Admin, topics: readonly ITopicConfig[], timeoutMs = 30_000): Promise<void> {
  if (topics.length === 0) {
    return;
  }
  await admin.createTopics({ topics: [...topics], waitForLeaders: false, timeout: timeoutMs });
  const pending = new Set(topics.map((topic) => topic.topic));
  const deadline = Date.now() + timeoutMs;
  for (let pollMs = 25; ; pollMs = Math.min(pollMs * 2, MAX_POLL_MS)) {
    let lastRefusal = '';
    await Promise.all(
      [...pending].map(async (topic) => {
        const refusal = await refusalOf(admin, topic);
        if (refusal === undefined) {
          pending.delete(topic);
        } else {
          lastRefusal = `${topic}: ${refusal}`;
        }
      }),
    );
    if (pending.size === 0) {
      return;
    }
    if (Date.now() + pollMs > deadline) {
      throw new Error(`${pending.size} new Kafka topics not served after ${timeoutMs} ms (${lastRefusal})`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Undefined once the leaders of all the topic's partitions answer for it (a ListOffsets request); else why not. */
async function refusalOf(admin: Admin, topic: string): Promise<string | undefined> {
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const leaderless = topics[0].partitions.filter((partition) => partition.leader < 0);
    if (leaderless.length > 0) {
      return `no leader for partitions ${leaderless.map((partition) => partition.partitionId).join(', ')}`;
    }
    await admin.fetchTopicOffsets(topic);
    return undefined;
  } catch (error) {
    const protocolError = protocolErrorOf(error);
    if (protocolError && NOT_YET_READY.has(protocolError.type)) {
      return protocolError.message;
    }
    throw error;
  }
}

/** kafkajs wraps a protocol error in a non-retriable one once its own retries are spent. */
function protocolErrorOf(error: unknown): KafkaJSProtocolError | undefined {
  if (error instanceof KafkaJSProtocolError) {
    return error;
  }
  const cause = error instanceof KafkaJSError ? (error as KafkaJSError & { cause?: unknown }).cause : undefined;
  return cause instanceof KafkaJSProtocolError ? cause : undefined;
}
