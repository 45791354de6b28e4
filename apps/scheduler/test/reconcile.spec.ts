import { buildEnvelope } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, ConflictProblem, createLogger, MetricsService } from '@zoom-oomnitza-sync/platform';
import { SyncRunRequested, ZoomDriftDetected, ZoomReconcileRequested } from '@zoom-oomnitza-sync/contracts';
import { OutboxService, TopicNames } from '@zoom-oomnitza-sync/messaging';
import { randomUUID } from 'node:crypto';
import { IntegrationEntity } from '../src/integrations/integration.entity';
import { ReconcileService } from '../src/reconcile/reconcile.service';
import { RunEntity } from '../src/runs/run.entity';
import { RunsService } from '../src/runs/runs.service';
import { SchedulerTestBed } from './support/scheduler-test-bed';

describe('reconcile: asked for on request, and drift turned into one full sync', () => {
  let bed: SchedulerTestBed;
  let reconcile: ReconcileService;

  beforeAll(async () => {
    bed = await SchedulerTestBed.create('scheduler_reconcile');
    const outbox = new OutboxService(new TopicNames(''));
    const runs = new RunsService(bed.dataSource, bed.integrations, outbox);
    reconcile = new ReconcileService(
      bed.dataSource,
      bed.integrations,
      runs,
      outbox,
      new MetricsService('scheduler-test'),
      new AppLogger(createLogger('scheduler-test', 'silent')),
    );
  });

  afterAll(() => bed?.destroy());

  /** An active integration whose last run has finished. */
  async function idleIntegration(changes: Partial<IntegrationEntity> = {}): Promise<RunEntity> {
    const run = await bed.requestedRun();
    await bed.dataSource.getRepository(RunEntity).update({ id: run.id }, { status: 'completed', finishedAt: new Date() });
    await bed.dataSource.getRepository(IntegrationEntity).update({ id: run.integrationId }, changes);
    return run;
  }

  const drift = (run: Pick<RunEntity, 'tenantId' | 'integrationId'>) =>
    buildEnvelope(
      ZoomDriftDetected,
      { tenantId: run.tenantId, integrationId: run.integrationId, payload: { reason: 'unknown_user' } },
      randomUUID(),
      new Date(),
    );
  const applyDrift = (run: Pick<RunEntity, 'tenantId' | 'integrationId'>) =>
    bed.dataSource.transaction((manager) => reconcile.onDrift(manager, drift(run)));
  const runsOf = (integrationId: string) =>
    bed.dataSource.getRepository(RunEntity).find({ where: { integrationId }, order: { requestedAt: 'ASC' } });

  it('starts one full sync with trigger reconcile, however many drift reports a burst brings', async () => {
    const { tenantId, integrationId } = await idleIntegration();

    await applyDrift({ tenantId, integrationId });
    await applyDrift({ tenantId, integrationId });

    const runs = await runsOf(integrationId);
    expect(runs.map((run) => [run.trigger, run.status])).toEqual([
      ['manual', 'completed'],
      ['reconcile', 'requested'],
    ]);
    const requests = await bed.publishedAbout(SyncRunRequested, integrationId);
    expect(requests.map((request) => request.payload)).toEqual([
      expect.objectContaining({ runId: runs[1].id, trigger: 'reconcile', zoomCredentialId: 'zoom-1' }),
    ]);
  });

  it('starts nothing for a paused integration', async () => {
    const { tenantId, integrationId } = await idleIntegration({ status: 'paused' });

    await applyDrift({ tenantId, integrationId });

    expect((await runsOf(integrationId)).map((run) => run.trigger)).toEqual(['manual']);
  });

  it('asks the fetcher to reconcile an active integration with webhooks on, and refuses the others', async () => {
    const { tenantId, integrationId } = await idleIntegration();
    const withoutWebhooks = await idleIntegration({ webhooksEnabled: false });

    await reconcile.requestReconcile(tenantId, integrationId);
    await expect(reconcile.requestReconcile(withoutWebhooks.tenantId, withoutWebhooks.integrationId)).rejects.toBeInstanceOf(
      ConflictProblem,
    );

    expect((await bed.publishedAbout(ZoomReconcileRequested, integrationId)).map((request) => request.payload)).toEqual([
      { zoomCredentialId: 'zoom-1' },
    ]);
    expect(await bed.publishedAbout(ZoomReconcileRequested, withoutWebhooks.integrationId)).toEqual([]);
  });
});
