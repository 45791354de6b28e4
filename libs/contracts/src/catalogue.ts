import { deadLetterTopicOf, MessageDefinition } from './envelope/message-definition';
import { ApiKeysChanged } from './messages/api-keys-changed';
import { CredentialsChanged } from './messages/credentials-changed';
import { IntegrationAlert } from './messages/integration-alert';
import { IntegrationChanged } from './messages/integration-changed';
import { OomnitzaRecordsDeactivate } from './messages/oomnitza-records-deactivate';
import { OomnitzaRecordsUpsert } from './messages/oomnitza-records-upsert';
import { OomnitzaRecordsWritten } from './messages/oomnitza-records-written';
import { RemovalsDecided } from './messages/removals-decided';
import { RemovalsHeld } from './messages/removals-held';
import { RunProgress } from './messages/run-progress';
import { SyncRunCompleted } from './messages/sync-run-completed';
import { SyncRunRequested } from './messages/sync-run-requested';
import { ZoomDriftDetected } from './messages/zoom-drift-detected';
import { ZoomReconcileRequested } from './messages/zoom-reconcile-requested';
import { ZoomUserChanged } from './messages/zoom-user-changed';
import { ZoomUsersPage } from './messages/zoom-users-page';

/** Every message kind of the platform: the single source of topic names. */
export const MESSAGE_CATALOGUE: readonly MessageDefinition[] = Object.freeze([
  IntegrationChanged,
  SyncRunRequested,
  ZoomUsersPage,
  ZoomUserChanged,
  OomnitzaRecordsUpsert,
  OomnitzaRecordsDeactivate,
  OomnitzaRecordsWritten,
  RunProgress,
  SyncRunCompleted,
  RemovalsHeld,
  RemovalsDecided,
  IntegrationAlert,
  CredentialsChanged,
  ApiKeysChanged,
  ZoomReconcileRequested,
  ZoomDriftDetected,
]);

/** Every topic to create: each message topic and its dead-letter topic. */
export function allTopics(): string[] {
  return MESSAGE_CATALOGUE.flatMap((message) => [message.topic, deadLetterTopicOf(message.topic)]);
}

/**
 * The largest record batch a topic takes: Kafka's default message.max.bytes, set explicitly on the
 * broker (tools/kafka) and on every topic created, so producer, topics and broker agree.
 */
export const MAX_RECORD_BATCH_BYTES = 1_048_588;

/**
 * The topic-level settings a topic is created with, by its name as created (a deployment's prefix
 * before the catalogue name): the record batch limit for all, and log compaction for compacted
 * message topics (not their dead letters).
 */
export function topicConfigEntries(createdName: string): { name: string; value: string }[] {
  const compacted = MESSAGE_CATALOGUE.some((message) => message.compacted === true && createdName.endsWith(message.topic));
  return [
    { name: 'max.message.bytes', value: String(MAX_RECORD_BATCH_BYTES) },
    ...(compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : []),
  ];
}

export function findMessageByTopic(topic: string): MessageDefinition | undefined {
  return MESSAGE_CATALOGUE.find((message) => message.topic === topic);
}
