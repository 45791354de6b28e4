import { ConfigService } from '@nestjs/config';
import { MessageDefinition, MessageEnvelope, OomnitzaRecordsUpsertValue } from '@zoom-oomnitza-sync/contracts';
import { messagingEntities, OutboxMessageEntity, OutboxService, TopicNames } from '@zoom-oomnitza-sync/messaging';
import { createTestSchema, TestSchema } from '@zoom-oomnitza-sync/testing';
import { DataSource } from 'typeorm';
import { InitialSchema1764240000000 } from '../../src/migrations/1764240000000-initial-schema';
import { SyncState1764240100000 } from '../../src/migrations/1764240100000-sync-state';
import { OomnitzaWriterEnvironment } from '../../src/oomnitza-writer.environment';
import { OomnitzaAccessCache } from '../../src/record-writes/oomnitza-access.cache';
import { PortionEntity } from '../../src/record-writes/portion.entity';
import { RecordWriter } from '../../src/record-writes/record-writer';
import { UserSyncStateEntity } from '../../src/sync-state/user-sync-state.entity';
import { ScriptedOomnitza } from './scripted-oomnitza';
import { StubCredentials } from './stub-credentials';

export interface WriterUnderTest {
  readonly oomnitza: ScriptedOomnitza;
  readonly credentials: StubCredentials;
  /** Handles one batch as the consumer does: in a transaction of its own, committed unless it throws. */
  write(envelope: MessageEnvelope<OomnitzaRecordsUpsertValue>): Promise<void>;
}

/**
 * One test file's writer database: a schema of its own migrated by the service's migrations, the
 * real outbox, and readers for what the writer leaves in it. Only Oomnitza and the credentials
 * service are stand-ins.
 */
export class WriterTestBed {
  private readonly topicNames = new TopicNames('');
  private readonly outbox = new OutboxService(this.topicNames);

  private constructor(
    private readonly schema: TestSchema,
    readonly dataSource: DataSource,
  ) {}

  static async create(name: string): Promise<WriterTestBed> {
    const schema = await createTestSchema(name);
    const dataSource = new DataSource({
      ...schema.dataSourceOptions,
      entities: [...messagingEntities, UserSyncStateEntity, PortionEntity],
      migrations: [InitialSchema1764240000000, SyncState1764240100000],
    });
    try {
      await dataSource.initialize();
      await dataSource.runMigrations();
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy();
      await schema.drop();
      throw error;
    }
    return new WriterTestBed(schema, dataSource);
  }

  /**
   * A RecordWriter wired as the service wires it, with the default settings. Replicas of the
   * service share one Oomnitza: pass it on to build another.
   */
  newWriter(oomnitza = new ScriptedOomnitza()): WriterUnderTest {
    const credentials = new StubCredentials();
    const config = new ConfigService<OomnitzaWriterEnvironment, true>({ ...new OomnitzaWriterEnvironment() });
    const writer = new RecordWriter(oomnitza, new OomnitzaAccessCache(credentials), this.outbox, config);
    return {
      oomnitza,
      credentials,
      write: (envelope) => this.dataSource.transaction((manager) => writer.write(manager, envelope)),
    };
  }

  /** The messages of one kind the writer put in the outbox for a run, oldest first. */
  async published<TPayload extends object>(definition: MessageDefinition<TPayload>, runId: string): Promise<MessageEnvelope<TPayload>[]> {
    const rows = await this.dataSource
      .getRepository(OutboxMessageEntity)
      .find({ where: { topic: this.topicNames.resolve(definition.topic) }, order: { id: 'ASC' } });
    return rows.map((row) => row.payload as MessageEnvelope<TPayload>).filter((envelope) => envelope.runId === runId);
  }

  syncStates(integrationId: string): Promise<UserSyncStateEntity[]> {
    return this.dataSource.getRepository(UserSyncStateEntity).find({ where: { integrationId }, order: { syncKey: 'ASC' } });
  }

  storedPortion(runId: string): Promise<PortionEntity | null> {
    return this.dataSource.getRepository(PortionEntity).findOneBy({ runId });
  }

  async destroy(): Promise<void> {
    await this.dataSource.destroy();
    await this.schema.drop();
  }
}
