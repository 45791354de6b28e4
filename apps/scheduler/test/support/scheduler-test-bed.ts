import { PreparedStatementClient } from '@zoom-oomnitza-sync/platform';
import {
  CredentialsChanged,
  CredentialsChangedValue,
  MessageDefinition,
  MessageEnvelope,
  OomnitzaCatalogue,
  OomnitzaRecordsWrittenValue,
  RemovalsHeldValue,
  RunMode,
  RunProgressValue,
} from '@zoom-oomnitza-sync/contracts';
import { buildEnvelope, messagingEntities, OutboxService, TopicNames } from '@zoom-oomnitza-sync/messaging';
import { randomUUID } from 'node:crypto';
import { createTestSchema, openServiceDataSource, outboxEnvelopes, TestSchema, waitFor } from '@zoom-oomnitza-sync/testing';
import { ConfigService } from '@nestjs/config';
import { DataSource, EntityManager } from 'typeorm';
import { CredentialOwnership } from '../../src/credential-ownership/credential-ownership';
import { KnownCredentials } from '../../src/credential-ownership/known-credentials';
import { ScheduleRules } from '../../src/schedules/schedule-rules';
import { SchedulerEnvironment } from '../../src/scheduler.environment';
import { OomnitzaCatalogueReader } from '../../src/oomnitza-catalogue/oomnitza-catalogue-reader';
import { HeldRemovalsService } from '../../src/held-removals/held-removals.service';
import { IntegrationEntity } from '../../src/integrations/integration.entity';
import { IntegrationsService } from '../../src/integrations/integrations.service';
import { RunAccountingService } from '../../src/runs/run-accounting.service';
import { RunErrorEntity } from '../../src/runs/run-error.entity';
import { RunEntity } from '../../src/runs/run.entity';
import { SCHEDULER_ENTITIES, SCHEDULER_MIGRATIONS } from '../../src/scheduler-schema';

/**
 * One test file's scheduler database: a schema of its own migrated by the service's migrations,
 * the real outbox, integrations, run accounting and held removals, runs to report on, and readers
 * for what they leave.
 */
export class SchedulerTestBed {
  private readonly topicNames = new TopicNames('');
  private readonly outbox = new OutboxService(this.topicNames);
  readonly accounting = new RunAccountingService(this.outbox);
  readonly integrations: IntegrationsService;
  // A credential not known yet is waited for briefly: tests that refuse one need not wait 5 s.
  readonly settings = new ConfigService<SchedulerEnvironment, true>({ ...new SchedulerEnvironment(), CREDENTIAL_ARRIVAL_WAIT_MS: 300 });
  readonly knownCredentials = new KnownCredentials();
  readonly scheduleRules = new ScheduleRules(this.settings);
  readonly heldRemovals: HeldRemovalsService;
  /** The Oomnitza Launch checks against: none known unless a test says otherwise. */
  readonly oomnitzaCatalogue = {
    catalogue: { fields: null, roles: null, unavailable: ['no Oomnitza in this test'] } as OomnitzaCatalogue,
    read: async (): Promise<OomnitzaCatalogue> => this.oomnitzaCatalogue.catalogue,
  };

  private constructor(
    private readonly schema: TestSchema,
    readonly dataSource: DataSource,
  ) {
    this.integrations = new IntegrationsService(
      dataSource,
      this.outbox,
      this.scheduleRules,
      new CredentialOwnership(dataSource, this.settings),
      this.oomnitzaCatalogue as unknown as OomnitzaCatalogueReader,
    );
    this.heldRemovals = new HeldRemovalsService(dataSource, this.integrations, this.outbox);
  }

  static async create(name: string): Promise<SchedulerTestBed> {
    const schema = await createTestSchema(name);
    const dataSource = await openServiceDataSource(
      schema,
      {
        entities: [...messagingEntities, ...SCHEDULER_ENTITIES],
        migrations: SCHEDULER_MIGRATIONS,
      },
      { poolClient: PreparedStatementClient },
    ).catch(async (error: unknown) => {
      await schema.drop();
      throw error;
    });
    return new SchedulerTestBed(schema, dataSource);
  }

  /** Hears credentials.changed about each credential as the consumer does: `zoom-…` ids are Zoom's, the others Oomnitza's. */
  async announceCredentials(
    tenantId: string,
    credentialIds: string[],
    change: CredentialsChangedValue['change'] = 'created',
  ): Promise<void> {
    for (const credentialId of credentialIds) {
      const payload: CredentialsChangedValue = { credentialId, kind: credentialId.startsWith('zoom') ? 'zoom' : 'oomnitza', change };
      const envelope = buildEnvelope(CredentialsChanged, { tenantId, integrationId: credentialId, payload }, randomUUID(), new Date());
      await this.dataSource.transaction((manager) => this.knownCredentials.record(manager, envelope));
    }
  }

  /** A run just requested ("Run now") of a new active integration of the tenant. */
  async requestedRun(tenantId = 'acme', mode: RunMode = 'full_sync'): Promise<RunEntity> {
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
    const run = { tenantId, integrationId: integration.id, status: 'requested' as const, trigger: 'manual' as const, mode };
    return this.dataSource.getRepository(RunEntity).save(run);
  }

  /** Applies a report as the consumer does: in a transaction of its own, committed unless it throws. */
  applyProgress(envelope: MessageEnvelope<RunProgressValue>): Promise<void> {
    return this.dataSource.transaction((manager) => this.accounting.applyProgress(manager, envelope));
  }

  applyWritten(envelope: MessageEnvelope<OomnitzaRecordsWrittenValue>): Promise<void> {
    return this.dataSource.transaction((manager) => this.accounting.applyWritten(manager, envelope));
  }

  /** Applies the writer's report of held removals as the consumer does. */
  recordHeld(envelope: MessageEnvelope<RemovalsHeldValue>): Promise<void> {
    return this.dataSource.transaction((manager) => this.heldRemovals.recordHeld(manager, envelope));
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

  /** The messages of one kind published about an integration, oldest first. */
  async publishedAbout<TPayload extends object>(
    definition: MessageDefinition<TPayload>,
    integrationId: string,
  ): Promise<MessageEnvelope<TPayload>[]> {
    const envelopes = await outboxEnvelopes<TPayload>(this.dataSource, this.topicNames.resolve(definition.topic));
    return envelopes.filter((envelope) => envelope.integrationId === integrationId);
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
