import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MessageEnvelope, ZoomDriftDetectedValue, ZoomReconcileRequested } from '@zoom-oomnitza-sync/contracts';
import { OutboxService } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, ConflictProblem, MetricsService } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { IntegrationEntity } from '../integrations/integration.entity';
import { IntegrationsService } from '../integrations/integrations.service';
import { RunsService } from '../runs/runs.service';

type DriftOutcome = 'run_started' | 'run_active' | 'not_active';

/**
 * The scheduler's side of healing what Zoom drops: asks the fetcher to reconcile now, and turns
 * the drift it finds into a full sync (trigger `reconcile`), unless a run that heals it anyway is
 * already under way.
 */
@Injectable()
export class ReconcileService {
  private readonly log: Logger;
  private readonly drifts: Counter<'reason' | 'outcome'>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly integrations: IntegrationsService,
    private readonly runs: RunsService,
    private readonly outbox: OutboxService,
    metrics: MetricsService,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: ReconcileService.name });
    this.drifts = metrics.counter('scheduler_zoom_drifts_total', 'Drift the reconcile found, and whether it started a full sync', [
      'reason',
      'outcome',
    ]);
  }

  async requestReconcile(tenantId: string, integrationId: string): Promise<{ integrationId: string; requestedAt: string }> {
    return this.dataSource.transaction(async (manager) => {
      const integration = await this.integrations.get(tenantId, integrationId, manager);
      if (integration.status !== 'active' || !integration.webhooksEnabled) {
        throw new ConflictProblem(
          `Integration ${integrationId} is ${integration.status}${integration.webhooksEnabled ? '' : ' with webhooks off'}: ` +
            'only an active integration with webhooks on is reconciled.',
        );
      }
      await this.outbox.publish(manager, ZoomReconcileRequested, {
        tenantId,
        integrationId,
        payload: { zoomCredentialId: integration.zoomCredentialId },
      });
      return { integrationId, requestedAt: new Date().toISOString() };
    });
  }

  /** Inside the drift message's transaction: at most one run, however many drift messages a burst brings. */
  async onDrift(manager: EntityManager, envelope: MessageEnvelope<ZoomDriftDetectedValue>): Promise<void> {
    const integration = await manager.findOne(IntegrationEntity, {
      where: { id: envelope.integrationId, tenantId: envelope.tenantId },
      lock: { mode: 'pessimistic_write' },
    });
    const outcome = await this.outcomeFor(manager, integration);
    this.log.info(
      {
        integrationId: envelope.integrationId,
        reason: envelope.payload.reason,
        outcome,
        zoom: envelope.payload.zoomCounts,
        seen: envelope.payload.seenCounts,
      },
      'the reconcile found drift',
    );
    this.drifts.inc({ reason: envelope.payload.reason, outcome });
  }

  private async outcomeFor(manager: EntityManager, integration: IntegrationEntity | null): Promise<DriftOutcome> {
    if (!integration || integration.status !== 'active') {
      return 'not_active';
    }
    if (await this.runs.activeRun(manager, integration.id)) {
      return 'run_active';
    }
    await this.runs.startRun(manager, integration, 'reconcile');
    return 'run_started';
  }
}
