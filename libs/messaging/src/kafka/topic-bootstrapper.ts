import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { allTopics, deadLetterTopicOf, topicConfigEntries } from '@zoom-oomnitza-sync/contracts';
import { createTopicsWithLeaders } from '@zoom-oomnitza-sync/kafka-admin';
import { MESSAGING_SETTINGS, MessagingSettings } from '../config/messaging-settings';
import { KafkaClient } from './kafka-client';
import { TopicNames } from './topic-names';

export interface TopicLayout {
  partitions?: number;
  replicationFactor?: number;
  /** Topic configuration over the catalogue's, for every topic created (set at creation, so it holds from the first record). */
  config?: Record<string, string>;
}

const DEAD_LETTER_SUFFIX = deadLetterTopicOf('');

/**
 * Creates topics (each with its dead-letter topic) when they are missing. Idempotent, so every
 * replica may run it at startup (KAFKA_CREATE_TOPICS=true) and infra scripts and tests may too.
 */
@Injectable()
export class TopicBootstrapper implements OnModuleInit {
  private configuredTopics?: Promise<void>;

  constructor(
    private readonly kafka: KafkaClient,
    private readonly topicNames: TopicNames,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    private readonly logger: AppLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.ensureConfiguredTopics();
  }

  /** The catalogue's topics when KAFKA_CREATE_TOPICS=true; shared so the consumer can wait for it. */
  ensureConfiguredTopics(): Promise<void> {
    this.configuredTopics ??= this.settings.createTopics ? this.ensureTopics(allTopics()).then(() => undefined) : Promise.resolve();
    return this.configuredTopics;
  }

  /** Takes catalogue names (no prefix); returns the Kafka topics it created. */
  async ensureTopics(topics: readonly string[] = allTopics(), layout: TopicLayout = {}): Promise<string[]> {
    const wanted = this.withDeadLetterTopics(topics).map((topic) => this.topicNames.resolve(topic));
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((topic) => !existing.has(topic));
      if (missing.length === 0) {
        return [];
      }
      await createTopicsWithLeaders(
        admin,
        missing.map((topic) => ({
          topic,
          numPartitions: layout.partitions ?? this.settings.topicPartitions,
          replicationFactor: layout.replicationFactor ?? this.settings.replicationFactor,
          configEntries: [
            ...topicConfigEntries(topic).filter((entry) => !(entry.name in (layout.config ?? {}))),
            ...Object.entries(layout.config ?? {}).map(([name, value]) => ({ name, value })),
          ],
        })),
      );
      this.logger.log({ msg: 'created Kafka topics', topics: missing }, TopicBootstrapper.name);
      return missing;
    } finally {
      await admin.disconnect();
    }
  }

  /** Removes the given catalogue topics and their dead-letter topics (tests and teardown scripts). */
  async deleteTopics(topics: readonly string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const doomed = this.withDeadLetterTopics(topics)
        .map((topic) => this.topicNames.resolve(topic))
        .filter((topic) => existing.has(topic));
      if (doomed.length > 0) {
        await admin.deleteTopics({ topics: doomed });
      }
    } finally {
      await admin.disconnect();
    }
  }

  private withDeadLetterTopics(topics: readonly string[]): string[] {
    const all = topics.flatMap((topic) => (topic.endsWith(DEAD_LETTER_SUFFIX) ? [topic] : [topic, deadLetterTopicOf(topic)]));
    return [...new Set(all)];
  }
}
