import { ConfigService } from '@nestjs/config';
import { IntegrationAlert } from '@zoom-oomnitza-sync/contracts';
import { OutboxService, TopicNames } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, createLogger, MetricsService } from '@zoom-oomnitza-sync/platform';
import { IntegrationEntity } from '../src/integrations/integration.entity';
import { RunEntity } from '../src/runs/run.entity';
import { SchedulerEnvironment } from '../src/scheduler.environment';
import { RunWatchdog } from '../src/watchdog/run-watchdog';
import { progressOf, writtenOf } from './support/stage-reports';
import { SchedulerTestBed } from './support/scheduler-test-bed';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

describe('the run watchdog: every run ends, and stale data is told', () => {
  let bed: SchedulerTestBed;
  let watchdog: RunWatchdog;

  beforeAll(async () => {
    bed = await SchedulerTestBed.create('scheduler_watchdog');
    watchdog = new RunWatchdog(
      bed.dataSource,
      bed.accounting,
      new OutboxService(new TopicNames('')),
      new MetricsService('scheduler-test'),
      new ConfigService<SchedulerEnvironment, true>({ ...new SchedulerEnvironment(), RUN_STALL_MINUTES: 15, RUN_OVERDUE_HOURS: 24 }),
      new AppLogger(createLogger('scheduler-test', 'silent')),
    );
  });

  afterAll(() => bed?.destroy());

  const later = (ms: number) => new Date(Date.now() + ms);
  const alertsAbout = async (integrationId: string) =>
    (await bed.publishedAbout(IntegrationAlert, integrationId)).map((alert) => [alert.payload.kind, alert.payload.runId]);
  /** Every active integration made fresh, so the stale check only sees the one a test makes stale. */
  const allFresh = () =>
    bed.dataSource.query(`UPDATE ${bed.dataSource.getMetadata(IntegrationEntity).tablePath} SET last_success_at = now()`);

  it('fails a run that has not moved for RUN_STALL_MINUTES, saying so, and raises run_failed', async () => {
    const stalled = await bed.requestedRun();
    await bed.applyProgress(progressOf(stalled, 'fetch', { processed: 300 }));
    await allFresh();

    await watchdog.check(later(16 * MINUTE_MS));

    const failed = await bed.run(stalled.id);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toMatch(/^No progress for 16 minutes \(last report at .*fetched 300, mapped 0, written 0\)/);
    expect(failed.finishedAt).not.toBeNull();
    expect(await alertsAbout(stalled.integrationId)).toEqual([['run_failed', stalled.id]]);
  });

  it('leaves a run alone while its stages report, however long ago it started', async () => {
    const moving = await bed.requestedRun();
    await bed.dataSource.getRepository(RunEntity).update({ id: moving.id }, { requestedAt: new Date(Date.now() - 30 * MINUTE_MS) });
    await bed.applyProgress(progressOf(moving, 'fetch', { processed: 300 }));
    await allFresh();

    await watchdog.check(later(10 * MINUTE_MS));

    expect((await bed.run(moving.id)).status).toBe('running');
  });

  it("does not take a run waiting for Zoom's daily limit to reset for stalled, until well after the reset", async () => {
    const waiting = await bed.requestedRun();
    await bed.applyProgress(progressOf(waiting, 'fetch', { processed: 300, waitingUntil: later(5 * HOUR_MS).toISOString() }));
    await allFresh();

    await watchdog.check(later(4 * HOUR_MS));
    expect((await bed.run(waiting.id)).status).toBe('running');

    await watchdog.check(later(5 * HOUR_MS + 16 * MINUTE_MS));
    expect((await bed.run(waiting.id)).status).toBe('failed');
  });

  it('raises run_overdue once for a run still making progress after RUN_OVERDUE_HOURS', async () => {
    const long = await bed.requestedRun();
    await bed.dataSource.getRepository(RunEntity).update({ id: long.id }, { requestedAt: new Date(Date.now() - 25 * HOUR_MS) });
    await bed.applyProgress(progressOf(long, 'fetch', { processed: 300 }));
    await allFresh();

    await watchdog.check(new Date());
    await watchdog.check(new Date());

    expect((await bed.run(long.id)).status).toBe('running');
    expect(await alertsAbout(long.integrationId)).toEqual([['run_overdue', long.id]]);
  });

  it('raises stale_data once for an integration without a completed run for maxStalenessHours, and recovered with the next completed run', async () => {
    const run = await bed.requestedRun();
    await allFresh();
    await bed.dataSource
      .getRepository(IntegrationEntity)
      .update({ id: run.integrationId }, { lastSuccessAt: new Date(Date.now() - 27 * HOUR_MS), maxStalenessHours: 26 });

    await watchdog.check(new Date());
    await watchdog.check(new Date());
    expect(await alertsAbout(run.integrationId)).toEqual([['stale_data', undefined]]);

    await bed.applyProgress(progressOf(run, 'fetch', { processed: 1, stageCompleted: true }));
    await bed.applyProgress(progressOf(run, 'map', { processed: 1, stageCompleted: true }));
    await bed.applyWritten(writtenOf(run, { created: 1, runFinished: true }));

    expect(await alertsAbout(run.integrationId)).toEqual([
      ['stale_data', undefined],
      ['recovered', run.id],
    ]);
    const integration = await bed.dataSource.getRepository(IntegrationEntity).findOneByOrFail({ id: run.integrationId });
    expect(integration.staleAlertedAt).toBeNull();
    expect(integration.lastSuccessAt!.getTime()).toBeGreaterThan(Date.now() - MINUTE_MS);
  });

  it('raises recovered when a run completes after the previous one failed, and not after a success', async () => {
    const failedRun = await bed.requestedRun();
    await bed.applyProgress(progressOf(failedRun, 'fetch', { stageCompleted: true, failureReason: 'Zoom refused the token' }));
    const integrationId = failedRun.integrationId;
    const next = () =>
      bed.dataSource.getRepository(RunEntity).save({ tenantId: 'acme', integrationId, status: 'requested', trigger: 'schedule' });
    const complete = async (run: RunEntity) => {
      await bed.applyProgress(progressOf(run, 'fetch', { processed: 1, stageCompleted: true }));
      await bed.applyProgress(progressOf(run, 'map', { processed: 1, stageCompleted: true }));
      await bed.applyWritten(writtenOf(run, { unchanged: 1, runFinished: true }));
    };

    const recovering = await next();
    await complete(recovering);
    await complete(await next());

    const alerts = await bed.publishedAbout(IntegrationAlert, integrationId);
    expect(alerts.map((alert) => [alert.payload.kind, alert.payload.runId])).toEqual([
      ['run_failed', failedRun.id],
      ['recovered', recovering.id],
    ]);
    expect(alerts[1].payload.detail).toContain('Zoom refused the token');
  });
});
