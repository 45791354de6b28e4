import { ConfigService } from '@nestjs/config';
import { MessageDefinition, MessageEnvelope, OomnitzaRecordsUpsertValue } from '@zoom-oomnitza-sync/contracts';
import { messagingEntities, OutboxService, TopicNames } from '@zoom-oomnitza-sync/messaging';
import { createTestSchema, openServiceDataSource, outboxEnvelopes, TestSchema } from '@zoom-oomnitza-sync/testing';
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
    const dataSource = await openServiceDataSource(schema, {
      entities: [...messagingEntities, UserSyncStateEntity, PortionEntity],
      migrations: [InitialSchema1764240000000, SyncState1764240100000],
    }).catch(async (error: unknown) => {
      await schema.drop();
      throw error;
    });
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
  published<TPayload extends object>(definition: MessageDefinition<TPayload>, runId: string): Promise<MessageEnvelope<TPayload>[]> {
    return outboxEnvelopes<TPayload>(this.dataSource, this.topicNames.resolve(definition.topic), runId);
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
