import { ConfigService } from '@nestjs/config';
import { readMessagingSettings } from './messaging-settings';

// Only what was given: a real ConfigService would fall back to this process's environment.
const configOf = (values: Record<string, unknown>) => ({ get: (name: string) => values[name] }) as unknown as ConfigService;

describe('readMessagingSettings', () => {
  it('applies the documented defaults', () => {
    expect(readMessagingSettings(configOf({ KAFKA_BROKERS: 'a:9092' }))).toEqual({
      brokers: ['a:9092'],
      topicPrefix: '',
      clientId: undefined,
      createTopics: false,
      topicPartitions: 6,
      replicationFactor: 1,
      maxAttempts: 5,
      retryBaseMs: 200,
      retryMaxMs: 10_000,
      outboxPollIntervalMs: 1000,
      outboxBatchSize: 500,
      outboxClaimLagMs: 5000,
      outboxSweepIntervalMs: 30_000,
      outboxRetentionHours: 24,
      inboxRetentionDays: 14,
      outboxRelayEnabled: true,
      sessionTimeoutMs: 30_000,
      commitIntervalMs: 1000,
      security: { ssl: false },
    });
  });

  it('takes TLS, with a CA of its own, and SASL credentials; refuses a mechanism without them', () => {
    const caFile = `${__dirname}/messaging-settings.spec.ts`;
    const secured = readMessagingSettings(
      configOf({
        KAFKA_BROKERS: 'a:9093',
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: caFile,
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'zoom-fetcher',
        KAFKA_SASL_PASSWORD: 'secret',
      }),
    );
    expect(secured.security).toEqual({
      ssl: { ca: [expect.stringContaining('readMessagingSettings')] },
      sasl: { mechanism: 'scram-sha-512', username: 'zoom-fetcher', password: 'secret' },
    });
    expect(readMessagingSettings(configOf({ KAFKA_BROKERS: 'a:9093', KAFKA_SSL: 'true' })).security).toEqual({ ssl: true });
    expect(() =>
      readMessagingSettings(configOf({ KAFKA_BROKERS: 'a:9092', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' })),
    ).toThrow('KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD');
  });

  it('accepts numbers as strings, as raw environment variables are', () => {
    const settings = readMessagingSettings(
      configOf({
        KAFKA_BROKERS: 'a:9092, b:9093',
        MESSAGING_MAX_ATTEMPTS: '3',
        KAFKA_CREATE_TOPICS: 'true',
        KAFKA_TOPIC_PREFIX: 'dev.',
        OUTBOX_RELAY_ENABLED: 'false',
      }),
    );
    expect(settings).toMatchObject({
      brokers: ['a:9092', 'b:9093'],
      maxAttempts: 3,
      createTopics: true,
      topicPrefix: 'dev.',
      outboxRelayEnabled: false,
    });
  });

  it('names a malformed setting', () => {
    expect(() => readMessagingSettings(configOf({ KAFKA_BROKERS: 'a:9092', OUTBOX_RETENTION_HOURS: 'soon' }))).toThrow(
      /OUTBOX_RETENTION_HOURS/,
    );
    expect(() => readMessagingSettings(configOf({}))).toThrow(/KAFKA_BROKERS/);
  });

  it('takes a commit interval of 0 (commit after every batch) and refuses a negative one', () => {
    expect(readMessagingSettings(configOf({ KAFKA_BROKERS: 'a:9092', KAFKA_COMMIT_INTERVAL_MS: '0' })).commitIntervalMs).toBe(0);
    expect(() => readMessagingSettings(configOf({ KAFKA_BROKERS: 'a:9092', KAFKA_COMMIT_INTERVAL_MS: '-1' }))).toThrow(
      'KAFKA_COMMIT_INTERVAL_MS must be 0 or more',
    );
  });
});
