import { ConfigService } from '@nestjs/config';

/** Messaging tuning read once from the environment (see docs/architecture.md for each setting). */
export interface MessagingSettings {
  readonly brokers: string[];
  readonly topicPrefix: string;
  readonly clientId?: string;
  readonly createTopics: boolean;
  readonly topicPartitions: number;
  readonly replicationFactor: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly outboxPollIntervalMs: number;
  readonly outboxBatchSize: number;
  readonly outboxRetentionHours: number;
  readonly inboxRetentionDays: number;
  readonly outboxRelayEnabled: boolean;
  readonly sessionTimeoutMs: number;
}

export const MESSAGING_SETTINGS = Symbol('MESSAGING_SETTINGS');

/**
 * Platform validates the shared settings at startup; values may still arrive as strings when
 * they come straight from process.env, so every number is coerced and checked here as well.
 */
export function readMessagingSettings(config: ConfigService): MessagingSettings {
  const brokers = String(config.get('KAFKA_BROKERS') ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) {
    throw new Error('Invalid configuration: KAFKA_BROKERS must list at least one host:port');
  }
  return {
    brokers,
    topicPrefix: String(config.get('KAFKA_TOPIC_PREFIX') ?? ''),
    clientId: config.get<string>('KAFKA_CLIENT_ID') || undefined,
    createTopics: [true, 'true', '1'].includes(config.get('KAFKA_CREATE_TOPICS') ?? false),
    topicPartitions: positiveNumber(config, 'KAFKA_TOPIC_PARTITIONS', 6),
    replicationFactor: positiveNumber(config, 'KAFKA_REPLICATION_FACTOR', 1),
    maxAttempts: positiveNumber(config, 'MESSAGING_MAX_ATTEMPTS', 5),
    retryBaseMs: positiveNumber(config, 'MESSAGING_RETRY_BASE_MS', 200),
    retryMaxMs: positiveNumber(config, 'MESSAGING_RETRY_MAX_MS', 10_000),
    outboxPollIntervalMs: positiveNumber(config, 'OUTBOX_POLL_INTERVAL_MS', 1000),
    outboxBatchSize: positiveNumber(config, 'OUTBOX_BATCH_SIZE', 500),
    outboxRetentionHours: positiveNumber(config, 'OUTBOX_RETENTION_HOURS', 24),
    inboxRetentionDays: positiveNumber(config, 'INBOX_RETENTION_DAYS', 14),
    outboxRelayEnabled: ![false, 'false', '0'].includes(config.get('OUTBOX_RELAY_ENABLED') ?? true),
    sessionTimeoutMs: positiveNumber(config, 'KAFKA_SESSION_TIMEOUT_MS', 30_000),
  };
}

function positiveNumber(config: ConfigService, name: string, fallback: number): number {
  const raw = config.get<unknown>(name);
  if (raw === undefined || raw === null || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`Invalid configuration: ${name} must be a positive number`);
  }
  return value;
}
