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
      outboxRetentionHours: 24,
      inboxRetentionDays: 14,
      outboxRelayEnabled: true,
      sessionTimeoutMs: 30_000,
    });
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
});
