import {
  IntegrationChanged,
  IntegrationChangedValue,
  MessageDefinition,
  MessageEnvelope,
  OomnitzaRecordsUpsert,
  OomnitzaRecordsUpsertValue,
  parseMessage,
  ZoomUserChanged,
  ZoomUserChangedValue,
} from '@zoom-oomnitza-sync/contracts';
import { buildEnvelope, ConsumedMessage, InboxMessageEntity, OutboxService, PublishInput, TopicNames } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, createLogger, MetricsService, PreparedStatementClient } from '@zoom-oomnitza-sync/platform';
import { createTestSchema, LogCapture, openServiceDataSource, outboxEnvelopes, TestSchema } from '@zoom-oomnitza-sync/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { IntegrationSettingsController } from '../../src/integration-settings/integration-settings.controller';
import { MAPPER_ENTITIES, MAPPER_MIGRATIONS } from '../../src/mapper-schema';
import { UserChangeMetrics } from '../../src/user-changes/user-change-metrics';
import { UserChangesController } from '../../src/user-changes/user-changes.controller';

const CONSUMER = 'mapper';

/** An integration as the scheduler announces it, with the tenant it belongs to. */
export type AnnouncedIntegration = Partial<IntegrationChangedValue> & { tenantId?: string };

/**
 * One test file's mapper database: a schema of its own migrated by the service's migrations, the
 * real outbox, read model consumer and webhook change handler, and readers for what they leave.
 */
export class MapperTestBed {
  readonly logs = new LogCapture();
  private readonly topicNames = new TopicNames('');
  private readonly metrics = new MetricsService('mapper-test');
  private readonly integrations = new IntegrationSettingsController();
  private readonly userChanges = new UserChangesController(
    new OutboxService(this.topicNames),
    new UserChangeMetrics(this.metrics),
    new AppLogger(createLogger('mapper-test', 'debug', this.logs)),
  );

  private constructor(
    private readonly schema: TestSchema,
    private readonly dataSource: DataSource,
  ) {}

  static async create(name: string): Promise<MapperTestBed> {
    const schema = await createTestSchema(name);
    const dataSource = await openServiceDataSource(
      schema,
      {
        entities: MAPPER_ENTITIES,
        migrations: MAPPER_MIGRATIONS,
      },
      { poolClient: PreparedStatementClient },
    ).catch(async (error: unknown) => {
      await schema.drop();
      throw error;
    });
    return new MapperTestBed(schema, dataSource);
  }

  /** Teaches the mapper an integration through its integration.changed consumer; returns its id. */
  async announce({ tenantId = 'acme', ...snapshot }: AnnouncedIntegration = {}, integrationId: string = randomUUID()): Promise<string> {
    const envelope = await this.received(IntegrationChanged, {
      tenantId,
      integrationId,
      payload: {
        revision: 1,
        state: 'active',
        name: 'Zoom users',
        type: 'user',
        preference: 'create_and_update',
        zoomCredentialId: 'zoom-1',
        oomnitzaCredentialId: 'oomnitza-1',
        mapping: { oomnitzaRoleId: 9, syncKey: 'email', fieldTargets: { id: 'zoom_id_custom' } },
        ...snapshot,
      },
    });
    await this.dataSource.transaction((manager) =>
      this.integrations.onIntegrationChanged(this.consumed(IntegrationChanged, envelope, manager)),
    );
    return integrationId;
  }

  /** A zoom.user.changed as the consumer receives it: validated, its payload the contract's classes. */
  change(input: PublishInput<ZoomUserChangedValue>): Promise<MessageEnvelope<ZoomUserChangedValue>> {
    return this.received(ZoomUserChanged, input);
  }

  /** Applies a change as the consumer does: inbox row and handler in one transaction, committed unless it throws. */
  deliver(envelope: MessageEnvelope<ZoomUserChangedValue>): Promise<void> {
    return this.dataSource.transaction((manager) => this.apply(manager, envelope));
  }

  /** Applies a fetched batch of changes as the batch consumer does: one transaction, the inbox rows and the handler. */
  deliverBatch(envelopes: MessageEnvelope<ZoomUserChangedValue>[]): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const consumed = envelopes.map((envelope) => this.consumed(ZoomUserChanged, envelope, manager));
      for (const { envelope, topic } of consumed) {
        await manager.insert(InboxMessageEntity, { messageId: envelope.messageId, consumer: CONSUMER, topic, partition: 0, offset: '0' });
      }
      await this.userChanges.onUserChanges(consumed);
    });
  }

  /** Applies a change in a transaction that `whileOpen` watches from outside, then rolls it back. */
  async deliverThenRollBack(envelope: MessageEnvelope<ZoomUserChangedValue>, whileOpen: () => Promise<void>): Promise<void> {
    const transaction = this.dataSource.createQueryRunner();
    await transaction.connect();
    try {
      await transaction.startTransaction();
      await this.apply(transaction.manager, envelope);
      await whileOpen();
    } finally {
      if (transaction.isTransactionActive) {
        await transaction.rollbackTransaction();
      }
      await transaction.release();
    }
  }

  /** What the mapper handed to the writer, oldest first, as committed. */
  published(): Promise<MessageEnvelope<OomnitzaRecordsUpsertValue>[]> {
    return outboxEnvelopes<OomnitzaRecordsUpsertValue>(this.dataSource, this.topicNames.resolve(OomnitzaRecordsUpsert.topic));
  }

  /** Whether the message was acknowledged: its inbox row is committed. */
  async applied(messageId: string): Promise<boolean> {
    return (await this.dataSource.getRepository(InboxMessageEntity).countBy({ messageId, consumer: CONSUMER })) === 1;
  }

  /** The current value of a counter's series with these labels (0 before it was ever counted). */
  async count(metric: string, labels: Record<string, string>): Promise<number> {
    const values = (await this.metrics.registry.getSingleMetric(metric)?.get())?.values ?? [];
    const series = values.find((value) => Object.entries(labels).every(([name, label]) => value.labels[name] === label));
    return series?.value ?? 0;
  }

  /** Counters start again from zero. */
  resetMetrics(): void {
    this.metrics.registry.resetMetrics();
  }

  async destroy(): Promise<void> {
    await this.dataSource.destroy();
    await this.schema.drop();
  }

  private async apply(manager: EntityManager, envelope: MessageEnvelope<ZoomUserChangedValue>): Promise<void> {
    const { topic } = this.consumed(ZoomUserChanged, envelope, manager);
    await manager.insert(InboxMessageEntity, { messageId: envelope.messageId, consumer: CONSUMER, topic, partition: 0, offset: '0' });
    await this.userChanges.onUserChanges([this.consumed(ZoomUserChanged, envelope, manager)]);
  }

  private async received<TPayload extends object>(
    definition: MessageDefinition<TPayload>,
    input: PublishInput<TPayload>,
  ): Promise<MessageEnvelope<TPayload>> {
    const sent = buildEnvelope(definition, input, randomUUID(), new Date());
    return parseMessage(definition, JSON.parse(JSON.stringify(sent)));
  }

  /** What the consumer hands a handler: a first delivery from partition 0. */
  private consumed<TPayload extends object>(
    definition: MessageDefinition<TPayload>,
    envelope: MessageEnvelope<TPayload>,
    manager: EntityManager,
  ): ConsumedMessage<TPayload> {
    return { envelope, manager, topic: this.topicNames.resolve(definition.topic), partition: 0, offset: '0', headers: {}, attempt: 1 };
  }
}
