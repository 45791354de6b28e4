import { INestApplication, Type } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  createKafkaClient,
  KafkaClient,
  KafkaConsumerServer,
  messagingEntities,
  MessagingModule,
  OutboxService,
  readMessagingSettings,
  TopicBootstrapper,
  TopicNames,
} from '../../src';
import { AppLogger, BaseEnvironment, createLogger, MetricsService, validateEnvironment } from '@zoom-oomnitza-sync/platform';
import { createTestSchema, testDatabaseUrl, testKafkaBrokers, TestSchema, uniqueName } from '@zoom-oomnitza-sync/testing';
import { DataSource, EntityManager } from 'typeorm';
import { HandlerProbe } from './handler-probe';
import { TestEffectEntity } from './test-effect.entity';
import { MessagingTestSchema1764240000000, OutboxPayloadAsWritten1764240100000 } from './test-migration';
import { TestPlatformModule } from './test-platform.module';
import { TestNote, TestNoteValue } from './test-messages';

const SERVICE_NAME = 'messaging-test';

/** Fast retries so dead-lettering happens within a test; everything else as in production. */
const TEST_SETTINGS: Record<string, string> = {
  MESSAGING_MAX_ATTEMPTS: '3',
  MESSAGING_RETRY_BASE_MS: '10',
  MESSAGING_RETRY_MAX_MS: '50',
  OUTBOX_POLL_INTERVAL_MS: '50',
};

export interface TestApp {
  readonly app: INestApplication;
  readonly dataSource: DataSource;
  readonly outbox: OutboxService;
  readonly server: KafkaConsumerServer;
  /** Joins the consumer group (connects the Kafka transport) if the app was started without it. */
  startConsuming(): Promise<void>;
  /** Value of a messaging metric sample, e.g. ('messaging_handler_duration_seconds_count', { outcome: 'duplicate' }). */
  metric(name: string, labels?: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

export interface StartOptions {
  controllers?: Type[];
  /** Join the consumer group at startup (default true). */
  consume?: boolean;
  settings?: Record<string, string>;
}

/**
 * One test file's world: its own schema, topic prefix (and so consumer group) and topics, apps
 * built from the real modules on the real broker and database, and the cleanup of all of it.
 */
export class MessagingTestBed {
  readonly probe = new HandlerProbe();
  readonly topicNames: TopicNames;
  private readonly apps = new Set<TestApp>();

  private constructor(
    readonly schema: TestSchema,
    readonly topicPrefix: string,
    readonly kafka: KafkaClient,
    private readonly bootstrapper: TopicBootstrapper,
    private readonly topics: string[],
  ) {
    this.topicNames = new TopicNames(topicPrefix);
  }

  /**
   * `topicConfig` overrides the catalogue's configuration of the topics and their dead-letter
   * topics from their creation on. A change made after creation would reach the broker's logs a
   * moment after the admin call returns, and a test could produce before it did.
   */
  static async create(
    name: string,
    topics: string[] = [TestNote.topic],
    partitions = 3,
    topicConfig: Record<string, string> = {},
  ): Promise<MessagingTestBed> {
    const schema = await createTestSchema(name);
    const topicPrefix = `${uniqueName(name)}.`;
    const settings = readMessagingSettings(
      new ConfigService({ KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: topicPrefix }),
    );
    const logger = new AppLogger(createLogger(SERVICE_NAME, 'error'));
    const kafka = createKafkaClient(settings, `${SERVICE_NAME}-test-bed`, logger);
    const bootstrapper = new TopicBootstrapper(kafka, new TopicNames(topicPrefix), settings, logger);
    try {
      await bootstrapper.ensureTopics(topics, { partitions, replicationFactor: 1, config: topicConfig });
    } catch (error) {
      await bootstrapper.deleteTopics(topics).catch(() => undefined);
      await schema.drop();
      throw error;
    }
    return new MessagingTestBed(schema, topicPrefix, kafka, bootstrapper, topics);
  }

  get consumerGroup(): string {
    return this.topicNames.consumerGroupOf(SERVICE_NAME);
  }

  async startApp(options: StartOptions = {}): Promise<TestApp> {
    const environment = validateEnvironment(BaseEnvironment)({
      DATABASE_URL: testDatabaseUrl(),
      DATABASE_SCHEMA: this.schema.schema,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: this.topicPrefix,
      ADMIN_API_KEY: 'messaging-tests-do-not-use-this-admin-key',
      ...TEST_SETTINGS,
      ...options.settings,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...environment })] }),
        TestPlatformModule.forService(SERVICE_NAME, this.schema.schema),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: testDatabaseUrl(),
          schema: this.schema.schema,
          entities: [...messagingEntities, TestEffectEntity],
          migrations: [MessagingTestSchema1764240000000, OutboxPayloadAsWritten1764240100000],
          migrationsRun: true,
          synchronize: false,
        }),
        MessagingModule.forService(),
      ],
      controllers: options.controllers ?? [],
      providers: [{ provide: HandlerProbe, useValue: this.probe }],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: ['error'] });
    const server = app.get(KafkaConsumerServer);
    await app.init();
    let consuming = false;
    const testApp: TestApp = {
      app,
      dataSource: app.get(DataSource),
      outbox: app.get(OutboxService),
      server,
      startConsuming: async () => {
        if (consuming) {
          return;
        }
        consuming = true;
        app.connectMicroservice({ strategy: server });
        await app.startAllMicroservices();
      },
      metric: async (name, labels = {}) => {
        const { registry } = app.get(MetricsService);
        // Histogram samples (_count, _sum, _bucket) belong to the metric without the suffix.
        const metric = registry.getSingleMetric(name) ?? registry.getSingleMetric(name.replace(/_(count|sum|bucket)$/, ''));
        if (!metric) {
          return 0;
        }
        const { values } = await metric.get();
        return values
          .filter((sample) => ((sample as { metricName?: string }).metricName ?? name) === name)
          .filter((sample) => Object.entries(labels).every(([key, value]) => String(sample.labels[key]) === value))
          .reduce((sum, sample) => sum + sample.value, 0);
      },
      close: async () => {
        this.apps.delete(testApp);
        await app.close();
      },
    };
    this.apps.add(testApp);
    if (options.consume ?? true) {
      await testApp.startConsuming();
    }
    return testApp;
  }

  /** Publishes notes through the outbox, each in its own committed transaction, in order. */
  async publishNotes(app: TestApp, labels: string[], integrationId: string): Promise<string[]> {
    const ids: string[] = [];
    for (const label of labels) {
      const envelope = await app.dataSource.transaction((manager) =>
        app.outbox.publish<TestNoteValue>(manager, TestNote, { tenantId: 'tenant-1', integrationId, payload: { label } }),
      );
      ids.push(envelope.messageId);
    }
    return ids;
  }

  async inTransaction<T>(app: TestApp, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return app.dataSource.transaction(work);
  }

  /** Effect rows per label. */
  async effects(): Promise<Map<string, number>> {
    const rows = await this.schema.query<{ label: string; count: number }>(
      `SELECT label, count(*)::int AS count FROM test_effects GROUP BY label`,
    );
    return new Map(rows.map((row) => [row.label, row.count]));
  }

  async unpublishedCount(): Promise<number> {
    const [{ count }] = await this.schema.query<{ count: number }>(`SELECT count(*)::int AS count FROM outbox WHERE published_at IS NULL`);
    return count;
  }

  /** Messages on a topic: the sum over partitions of high minus low watermark. */
  async messagesOnTopic(topic: string): Promise<number> {
    return this.withAdmin(async (admin) => {
      const offsets = await admin.fetchTopicOffsets(this.topicNames.resolve(topic));
      return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
    });
  }

  /** The consumer group's committed offset per partition of a topic (-1 when none). */
  async committedOffsets(topic: string): Promise<Map<number, number>> {
    return this.withAdmin(async (admin) => {
      const [entry] = await admin.fetchOffsets({ groupId: this.consumerGroup, topics: [this.topicNames.resolve(topic)] });
      return new Map(entry.partitions.map(({ partition, offset }) => [partition, Number(offset)]));
    });
  }

  async withAdmin<T>(work: (admin: ReturnType<KafkaClient['admin']>) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }

  /** Every step runs even when an earlier one fails, so a broken test still leaves nothing behind. */
  async cleanup(): Promise<void> {
    const steps = [
      () => Promise.all([...this.apps].map((app) => app.close())),
      () => this.bootstrapper.deleteTopics(this.topics),
      () =>
        this.withAdmin(async (admin) => {
          const { groups } = await admin.listGroups();
          if (groups.some((group) => group.groupId === this.consumerGroup)) {
            await admin.deleteGroups([this.consumerGroup]);
          }
        }),
      () => this.schema.drop(),
    ];
    const failures: unknown[] = [];
    for (const step of steps) {
      await step().catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) {
      throw failures[0];
    }
  }
}
