import { MessageDefinition, MessageEnvelope, OomnitzaRecordsWrittenValue, RunProgressValue } from '@zoom-oomnitza-sync/contracts';
import { messagingEntities, OutboxService, TopicNames } from '@zoom-oomnitza-sync/messaging';
import { createTestSchema, openServiceDataSource, outboxEnvelopes, TestSchema, waitFor } from '@zoom-oomnitza-sync/testing';
import { DataSource, EntityManager } from 'typeorm';
import { IntegrationEntity } from '../../src/integrations/integration.entity';
import { InitialSchema1764240000000 } from '../../src/migrations/1764240000000-initial-schema';
import { IntegrationsAndRuns1764240100000 } from '../../src/migrations/1764240100000-integrations-and-runs';
import { RunAccountingService } from '../../src/runs/run-accounting.service';
import { RunErrorEntity } from '../../src/runs/run-error.entity';
import { RunEntity } from '../../src/runs/run.entity';

/**
 * One test file's scheduler database: a schema of its own migrated by the service's migrations,
 * the real outbox and run accounting, runs to report on, and readers for what accounting leaves.
 */
export class SchedulerTestBed {
  private readonly topicNames = new TopicNames('');
  readonly accounting = new RunAccountingService(new OutboxService(this.topicNames));

  private constructor(
    private readonly schema: TestSchema,
    readonly dataSource: DataSource,
  ) {}

  static async create(name: string): Promise<SchedulerTestBed> {
    const schema = await createTestSchema(name);
    const dataSource = await openServiceDataSource(schema, {
      entities: [...messagingEntities, IntegrationEntity, RunEntity, RunErrorEntity],
      migrations: [InitialSchema1764240000000, IntegrationsAndRuns1764240100000],
    }).catch(async (error: unknown) => {
      await schema.drop();
      throw error;
    });
    return new SchedulerTestBed(schema, dataSource);
  }

  /** A run just requested ("Run now") of a new active integration of the tenant. */
  async requestedRun(tenantId = 'acme'): Promise<RunEntity> {
    const integration = await this.dataSource.getRepository(IntegrationEntity).save({
      tenantId,
      name: 'Zoom users',
      status: 'active',
      type: 'user',
      preference: 'create_and_update',
      zoomCredentialId: 'zoom-1',
      oomnitzaCredentialId: 'oomnitza-1',
      oomnitzaRoleId: 7,
      syncKey: 'email',
      fieldTargets: {},
    });
    const run = { tenantId, integrationId: integration.id, status: 'requested' as const, trigger: 'manual' as const };
    return this.dataSource.getRepository(RunEntity).save(run);
  }

  /** Applies a report as the consumer does: in a transaction of its own, committed unless it throws. */
  applyProgress(envelope: MessageEnvelope<RunProgressValue>): Promise<void> {
    return this.dataSource.transaction((manager) => this.accounting.applyProgress(manager, envelope));
  }

  applyWritten(envelope: MessageEnvelope<OomnitzaRecordsWrittenValue>): Promise<void> {
    return this.dataSource.transaction((manager) => this.accounting.applyWritten(manager, envelope));
  }

  run(runId: string): Promise<RunEntity> {
    return this.dataSource.getRepository(RunEntity).findOneByOrFail({ id: runId });
  }

  runErrors(runId: string): Promise<RunErrorEntity[]> {
    return this.dataSource.getRepository(RunErrorEntity).find({ where: { runId }, order: { id: 'ASC' } });
  }

  /** The messages of one kind accounting put in the outbox for a run, oldest first. */
  published<TPayload extends object>(definition: MessageDefinition<TPayload>, runId: string): Promise<MessageEnvelope<TPayload>[]> {
    return outboxEnvelopes<TPayload>(this.dataSource, this.topicNames.resolve(definition.topic), runId);
  }

  /**
   * Two consumers at the same time: `first` is applied in a transaction held open until `second`,
   * applied meanwhile, is blocked by it (or done), and then committed.
   */
  async applyOverlapping(first: (manager: EntityManager) => Promise<void>, second: () => Promise<void>): Promise<void> {
    const firstTransaction = this.dataSource.createQueryRunner();
    await firstTransaction.connect();
    try {
      await firstTransaction.startTransaction();
      await first(firstTransaction.manager);
      const [{ pid }] = await firstTransaction.query('SELECT pg_backend_pid() AS pid');
      let secondDone = false;
      const secondRun = second().finally(() => (secondDone = true));
      await waitFor(async () => secondDone || (await this.blocksAnotherSession(pid)), {
        timeoutMs: 5_000,
        description: 'the second transaction to be blocked by the first',
      });
      await firstTransaction.commitTransaction();
      await secondRun;
    } finally {
      if (firstTransaction.isTransactionActive) {
        await firstTransaction.rollbackTransaction();
      }
      await firstTransaction.release();
    }
  }

  private async blocksAnotherSession(pid: number): Promise<boolean> {
    const [{ blocked }] = await this.dataSource.query(
      'SELECT count(*)::int AS blocked FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
      [pid],
    );
    return blocked > 0;
  }

  async destroy(): Promise<void> {
    await this.dataSource.destroy();
    await this.schema.drop();
  }
}
