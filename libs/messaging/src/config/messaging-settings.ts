import { ConfigService } from '@nestjs/config';
import { readFileSync } from 'node:fs';
import { SASLOptions } from 'kafkajs';

/** How the client reaches the brokers: TLS (with a CA of its own, if given) and SASL. */
export interface KafkaSecurity {
  readonly ssl: boolean | { ca: string[] };
  readonly sasl?: SASLOptions;
}

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
  readonly outboxClaimLagMs: number;
  readonly outboxSweepIntervalMs: number;
  readonly outboxRetentionHours: number;
  readonly inboxRetentionDays: number;
  readonly outboxRelayEnabled: boolean;
  readonly sessionTimeoutMs: number;
  readonly commitIntervalMs: number;
  readonly security: KafkaSecurity;
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
    outboxClaimLagMs: positiveNumber(config, 'OUTBOX_CLAIM_LAG_MS', 5_000),
    outboxSweepIntervalMs: positiveNumber(config, 'OUTBOX_SWEEP_INTERVAL_MS', 30_000),
    outboxRetentionHours: positiveNumber(config, 'OUTBOX_RETENTION_HOURS', 24),
    inboxRetentionDays: positiveNumber(config, 'INBOX_RETENTION_DAYS', 14),
    outboxRelayEnabled: ![false, 'false', '0'].includes(config.get('OUTBOX_RELAY_ENABLED') ?? true),
    sessionTimeoutMs: positiveNumber(config, 'KAFKA_SESSION_TIMEOUT_MS', 30_000),
    commitIntervalMs: nonNegativeNumber(config, 'KAFKA_COMMIT_INTERVAL_MS', 1000),
    security: readKafkaSecurity(config),
  };
}

function readKafkaSecurity(config: ConfigService): KafkaSecurity {
  const caFile = config.get<string>('KAFKA_SSL_CA_FILE');
  const tls = [true, 'true', '1'].includes(config.get('KAFKA_SSL') ?? false);
  const ssl = tls && caFile ? { ca: [readFileSync(caFile, 'utf8')] } : tls;
  const mechanism = config.get<string>('KAFKA_SASL_MECHANISM');
  if (!mechanism) {
    return { ssl };
  }
  const username = config.get<string>('KAFKA_SASL_USERNAME');
  const password = config.get<string>('KAFKA_SASL_PASSWORD');
  if (!username || !password) {
    throw new Error('Invalid configuration: KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD');
  }
  if (mechanism !== 'plain' && mechanism !== 'scram-sha-256' && mechanism !== 'scram-sha-512') {
    throw new Error(`Invalid configuration: KAFKA_SASL_MECHANISM must be plain, scram-sha-256 or scram-sha-512, not ${mechanism}`);
  }
  return { ssl, sasl: { mechanism, username, password } as SASLOptions };
}

function positiveNumber(config: ConfigService, name: string, fallback: number): number {
  const value = numberSetting(config, name, fallback);
  if (value <= 0) {
    throw new Error(`Invalid configuration: ${name} must be a positive number`);
  }
  return value;
}

function nonNegativeNumber(config: ConfigService, name: string, fallback: number): number {
  const value = numberSetting(config, name, fallback);
  if (value < 0) {
    throw new Error(`Invalid configuration: ${name} must be 0 or more`);
  }
  return value;
}

function numberSetting(config: ConfigService, name: string, fallback: number): number {
  const raw = config.get<unknown>(name);
  if (raw === undefined || raw === null || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    throw new Error(`Invalid configuration: ${name} must be a number`);
  }
  return value;
}
