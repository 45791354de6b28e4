import { ConfigService } from '@nestjs/config';
import {
  IntegrationChanged,
  IntegrationChangedValue,
  MessageDefinition,
  MessageEnvelope,
  OomnitzaRecordsUpsert,
  OomnitzaRecordsUpsertValue,
  RemovalsDecided,
  RemovalsDecidedValue,
  SyncRunCompletedValue,
} from '@zoom-oomnitza-sync/contracts';
import { buildEnvelope, ConsumedMessage, messagingEntities, OutboxService, TopicNames, WorkReport } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, createLogger, MetricsService, PreparedStatementClient } from '@zoom-oomnitza-sync/platform';
import { createTestSchema, openServiceDataSource, outboxEnvelopes, TestSchema } from '@zoom-oomnitza-sync/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { WRITER_ENTITIES, WRITER_MIGRATIONS } from '../../src/writer-schema';
import { DryRunComparer } from '../../src/dry-runs/dry-run-comparer';
import { DryRunStore } from '../../src/dry-runs/dry-run-store';
import { IntegrationSettingsController } from '../../src/integration-settings/integration-settings.controller';
import { PendingRecordsController } from '../../src/pending-records/pending-records.controller';
import { OomnitzaWriterEnvironment } from '../../src/oomnitza-writer.environment';
import { PendingRecordEntity } from '../../src/pending-records/pending-record.entity';
import { PendingRecordsStore } from '../../src/pending-records/pending-records.store';
import { WriteQueues } from '../../src/pending-records/write-queues';
import { PortionEntity } from '../../src/portions/portion.entity';
import { MissingUsers } from '../../src/removals/missing-users';
import { RemovalHoldEntity } from '../../src/removals/removal-hold.entity';
import { RemovalHolds } from '../../src/removals/removal-holds';
import { WebhookRemovalGate } from '../../src/removals/webhook-removal-gate';
import { UserSyncStateEntity } from '../../src/sync-state/user-sync-state.entity';
import { SaasStatus } from '../../src/saas-users/saas-status';
import { BatchWriter } from '../../src/write-loop/batch-writer';
import { SyncKeyRenames } from '../../src/write-loop/sync-key-renames';
import { WriteStore } from '../../src/write-loop/write-store';
import { WriteTurn } from '../../src/write-loop/write-turn';
import { WriteWorkers } from '../../src/write-loop/write-workers';
import { WriterMetrics } from '../../src/writer-metrics/writer-metrics';
import { ManualClock } from './manual-clock';
import { ScriptedOomnitza } from './scripted-oomnitza';
import { StubCredentials } from './stub-credentials';

export interface ReplicaOptions {
  /** Replicas of the service share one Oomnitza: pass it on to build another. */
  oomnitza?: ScriptedOomnitza;
  settings?: Partial<OomnitzaWriterEnvironment>;
  outbox?: OutboxService;
}

/** One replica of the writer: its consumer's handler, its workers' turns, and its metrics. */
export interface WriterReplica {
  readonly oomnitza: ScriptedOomnitza;
  readonly credentials: StubCredentials;
  readonly metrics: WriterMetrics;
  /** Handles one message as the consumer does: in a transaction of its own, committed unless it throws. */
  receive(envelope: MessageEnvelope<OomnitzaRecordsUpsertValue>): Promise<void>;
  /** Handles a fetched batch as the consumer does: all its messages in one transaction. */
  receiveBatch(envelopes: MessageEnvelope<OomnitzaRecordsUpsertValue>[]): Promise<void>;
  /** Learns an integration's settings from integration.changed, as the consumer does. */
  learn(envelope: MessageEnvelope<IntegrationChangedValue>): Promise<void>;
  /** Hears that a run completed, as the consumer does. */
  completed(envelope: MessageEnvelope<SyncRunCompletedValue>): Promise<void>;
  /** Hears the decision about held removals, as the consumer does. */
  decided(envelope: MessageEnvelope<RemovalsDecidedValue>): Promise<void>;
  /** One worker's turn; false when no integration was due. */
  takeTurn(): Promise<boolean>;
  /** Takes one turn and tells what it found, as the workers hear it. */
  takeTurnReport(): Promise<WorkReport>;
  /** Takes turns until no integration is due. */
  writeDue(): Promise<void>;
  /** Receives the message, then writes everything that is due. */
  write(envelope: MessageEnvelope<OomnitzaRecordsUpsertValue>): Promise<void>;
  /** Starts the replica's WRITE_CONCURRENCY workers; the returned function stops them. */
  startWorkers(): () => Promise<void>;
  /** Handles a fetched batch as the consumer does, dry runs' records included. */
  consume(envelopes: MessageEnvelope<OomnitzaRecordsUpsertValue>[]): Promise<void>;
  /** The dry-run worker's next look; false when nothing waited. */
  compareDryRun(): Promise<boolean>;
}

/**
 * One test file's writer database: a schema of its own migrated by the service's migrations, the
 * real outbox, and readers for what the writer leaves in it. Only Oomnitza, the credentials
 * service and the clock (`clock`, shared by every replica) are stand-ins.
 */
export class WriterTestBed {
  readonly topicNames = new TopicNames('');
  readonly clock = new ManualClock();
  private readonly outbox = new OutboxService(this.topicNames);
  private readonly logger = new AppLogger(createLogger('oomnitza-writer-test', 'silent'));

  private constructor(
    private readonly schema: TestSchema,
    readonly dataSource: DataSource,
  ) {}

  static async create(name: string): Promise<WriterTestBed> {
    const schema = await createTestSchema(name);
    const dataSource = await openServiceDataSource(
      schema,
      {
        entities: [...messagingEntities, ...WRITER_ENTITIES],
        migrations: WRITER_MIGRATIONS,
      },
      { poolClient: PreparedStatementClient },
    ).catch(async (error: unknown) => {
      await schema.drop();
      throw error;
    });
    return new WriterTestBed(schema, dataSource);
  }

  /** A replica wired as the service wires it, with the default settings unless told otherwise. */
  newReplica(options: ReplicaOptions = {}): WriterReplica {
    const oomnitza = options.oomnitza ?? new ScriptedOomnitza();
    const outbox = options.outbox ?? this.outbox;
    const credentials = new StubCredentials();
    const config = new ConfigService<OomnitzaWriterEnvironment, true>({ ...new OomnitzaWriterEnvironment(), ...options.settings });
    const metrics = new WriterMetrics(new MetricsService('oomnitza-writer-test'));
    const queues = new WriteQueues(this.dataSource, config);
    const store = new WriteStore(this.dataSource, queues, outbox, config);
    const holds = new RemovalHolds(outbox, queues, this.clock, this.logger);
    const missingUsers = new MissingUsers(holds, queues, this.clock);
    const pending = new PendingRecordsStore(queues, new WebhookRemovalGate(holds, this.clock), holds, this.clock, metrics);
    const renames = new SyncKeyRenames(oomnitza, store);
    const writer = new BatchWriter(oomnitza, credentials, store, renames, this.clock, metrics, new SaasStatus(oomnitza, this.logger));
    const turn = new WriteTurn(queues, store, writer, this.clock, metrics, config, this.logger);
    const settings = new IntegrationSettingsController();
    const records = new PendingRecordsController(pending, new DryRunStore());
    const comparer = new DryRunComparer(this.dataSource, credentials, oomnitza, outbox, this.logger);
    const inTransaction = (work: (manager: EntityManager) => Promise<void>) => this.dataSource.transaction(work);
    const receiveBatch = (envelopes: MessageEnvelope<OomnitzaRecordsUpsertValue>[]) =>
      inTransaction((manager) => pending.add(manager, envelopes));
    const receive = (envelope: MessageEnvelope<OomnitzaRecordsUpsertValue>) => receiveBatch([envelope]);
    const writeDue = async () => {
      while ((await turn.take()).worked) {
        // each turn writes one batch of one integration
      }
    };
    return {
      oomnitza,
      credentials,
      metrics,
      receive,
      receiveBatch,
      learn: (envelope) => inTransaction((manager) => settings.onIntegrationChanged(consumed(IntegrationChanged, envelope, manager))),
      completed: (envelope) => inTransaction((manager) => missingUsers.markAfter(manager, envelope)),
      decided: (envelope) => inTransaction((manager) => holds.decide(manager, envelope)),
      takeTurn: async () => (await turn.take()).worked,
      takeTurnReport: () => turn.take(),
      writeDue,
      write: async (envelope) => {
        await receive(envelope);
        await writeDue();
      },
      consume: (envelopes) =>
        inTransaction((manager) => records.onRecords(envelopes.map((envelope) => consumed(OomnitzaRecordsUpsert, envelope, manager)))),
      compareDryRun: async () => (await comparer.compareNext()) !== false,
      startWorkers: () => {
        const workers = new WriteWorkers(turn, metrics, config, this.dataSource, this.logger);
        workers.onApplicationBootstrap();
        return () => workers.onModuleDestroy();
      },
    };
  }

  /** The messages of one kind the writer put in the outbox for a run, oldest first. */
  published<TPayload extends object>(definition: MessageDefinition<TPayload>, runId: string): Promise<MessageEnvelope<TPayload>[]> {
    return outboxEnvelopes<TPayload>(this.dataSource, this.topicNames.resolve(definition.topic), runId);
  }

  /** The messages of one kind the writer put in the outbox for an integration's records outside any run. */
  async publishedOutsideRuns<TPayload extends object>(
    definition: MessageDefinition<TPayload>,
    integrationId: string,
  ): Promise<MessageEnvelope<TPayload>[]> {
    const envelopes = await outboxEnvelopes<TPayload>(this.dataSource, this.topicNames.resolve(definition.topic));
    return envelopes.filter((envelope) => envelope.integrationId === integrationId && envelope.runId === undefined);
  }

  /** The integration's open hold, if any. */
  hold(integrationId: string): Promise<RemovalHoldEntity | null> {
    return this.dataSource.getRepository(RemovalHoldEntity).findOneBy({ integrationId });
  }

  /** A decision about the hold, as the scheduler sends it. */
  decision(hold: RemovalHoldEntity, decision: RemovalsDecidedValue['decision']): MessageEnvelope<RemovalsDecidedValue> {
    return buildEnvelope(
      RemovalsDecided,
      { tenantId: hold.tenantId, integrationId: hold.integrationId, payload: { holdId: hold.holdId, decision } },
      randomUUID(),
      new Date(),
    );
  }

  syncStates(integrationId: string): Promise<UserSyncStateEntity[]> {
    return this.dataSource.getRepository(UserSyncStateEntity).find({ where: { integrationId }, order: { syncKey: 'ASC' } });
  }

  portion(portionId: string): Promise<PortionEntity | null> {
    return this.dataSource.getRepository(PortionEntity).findOneBy({ portionId });
  }

  /** The integration's rolling portions, oldest first. */
  rollingPortions(integrationId: string): Promise<PortionEntity[]> {
    return this.dataSource.getRepository(PortionEntity).find({ where: { integrationId, runId: IsNull() }, order: { openedAt: 'ASC' } });
  }

  pendingRecords(integrationId: string): Promise<PendingRecordEntity[]> {
    return this.dataSource.getRepository(PendingRecordEntity).find({ where: { integrationId }, order: { id: 'ASC' } });
  }

  /** Forgets every record, state, portion and message, so a test sees only its own work. */
  async clear(): Promise<void> {
    await this.dataSource.query(
      'TRUNCATE pending_records, write_queues, portions, user_sync_state, outbox, integration_settings, removal_holds, webhook_removals, dry_runs, dry_run_users',
    );
  }

  async destroy(): Promise<void> {
    await this.dataSource.destroy();
    await this.schema.drop();
  }
}

/** What the consumer hands a handler: a first delivery from partition 0. */
function consumed<TPayload extends object>(
  definition: MessageDefinition<TPayload>,
  envelope: MessageEnvelope<TPayload>,
  manager: EntityManager,
): ConsumedMessage<TPayload> {
  return { envelope, manager, topic: definition.topic, partition: 0, offset: '0', headers: {}, attempt: 1 };
}
