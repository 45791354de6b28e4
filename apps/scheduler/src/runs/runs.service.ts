import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RunMode, RunTrigger, SyncRunRequested, ZOOM_USER_STATUSES } from '@zoom-oomnitza-sync/contracts';
import { zoomReadNeedsOf } from '@zoom-oomnitza-sync/mapping';
import { OutboxService } from '@zoom-oomnitza-sync/messaging';
import { ConflictProblem, NotFoundProblem } from '@zoom-oomnitza-sync/platform';
import { ActiveRunProblem } from './active-run.problem';
import { DataSource, EntityManager, In } from 'typeorm';
import { IntegrationEntity } from '../integrations/integration.entity';
import { IntegrationsService } from '../integrations/integrations.service';
import { RunErrorEntity } from './run-error.entity';
import { RunEntity } from './run.entity';

@Injectable()
export class RunsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly integrations: IntegrationsService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * The run and its request commit together: a crash never loses or invents a run request. One
   * run at a time: while one is under way, another is refused (409) with the active run named.
   */
  async requestRun(
    tenantId: string,
    integrationId: string,
    trigger: RunTrigger = 'manual',
    mode: RunMode = 'full_sync',
  ): Promise<RunEntity> {
    return this.dataSource.transaction(async (manager) => {
      const integration = await this.integrations.lock(manager, tenantId, integrationId);
      if (integration.status !== 'active') {
        throw new ConflictProblem(
          `Integration ${integrationId} is ${integration.status}: ${integration.status === 'paused' ? 'resume' : 'launch'} it before running it.`,
        );
      }
      const active = await this.activeRun(manager, integrationId);
      if (active) {
        throw new ActiveRunProblem(active);
      }
      return this.startRun(manager, integration, trigger, mode);
    });
  }

  /**
   * Inside the caller's transaction, which holds the integration's lock and found no active run
   * (the runs_one_active_per_integration index refuses a second): the run and the message asking
   * the fetcher for it.
   */
  async startRun(
    manager: EntityManager,
    integration: IntegrationEntity,
    trigger: RunTrigger,
    mode: RunMode = 'full_sync',
  ): Promise<RunEntity> {
    const { tenantId, id: integrationId } = integration;
    const run = await manager.save(manager.create(RunEntity, { tenantId, integrationId, status: 'requested', trigger, mode }));
    await this.outbox.publish(manager, SyncRunRequested, {
      tenantId,
      integrationId,
      runId: run.id,
      payload: {
        runId: run.id,
        trigger,
        mode,
        runStartedAt: run.requestedAt.toISOString(),
        zoomCredentialId: integration.zoomCredentialId,
        userStatuses: [...ZOOM_USER_STATUSES],
        ...zoomReadNeedsOf(integration),
      },
    });
    return run;
  }

  /** The integration's run that has not finished yet, if any. */
  activeRun(manager: EntityManager, integrationId: string): Promise<RunEntity | null> {
    return manager.findOne(RunEntity, { where: { integrationId, status: In(['requested', 'running']) }, order: { requestedAt: 'DESC' } });
  }

  async get(tenantId: string, integrationId: string, runId: string): Promise<RunEntity> {
    const run = await this.dataSource.getRepository(RunEntity).findOneBy({ tenantId, integrationId, id: runId });
    if (!run) {
      throw new NotFoundProblem(`Run ${runId} was not found.`);
    }
    return run;
  }

  async list(tenantId: string, integrationId: string, limit: number): Promise<RunEntity[]> {
    await this.integrations.get(tenantId, integrationId);
    return this.dataSource
      .getRepository(RunEntity)
      .find({ where: { tenantId, integrationId }, order: { requestedAt: 'DESC' }, take: limit });
  }

  async errors(tenantId: string, integrationId: string, runId: string): Promise<RunErrorEntity[]> {
    await this.get(tenantId, integrationId, runId);
    return this.dataSource.getRepository(RunErrorEntity).find({ where: { runId }, order: { id: 'ASC' } });
  }
}
