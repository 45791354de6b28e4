import { ConfigService } from '@nestjs/config';
import { IntegrationAlert, IntegrationChanged, SyncRunRequested } from '@zoom-oomnitza-sync/contracts';
import { OutboxService, TopicNames } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, createLogger, MetricsService, ProblemException } from '@zoom-oomnitza-sync/platform';
import { IntegrationEntity } from '../src/integrations/integration.entity';
import { RunEntity } from '../src/runs/run.entity';
import { RunsService } from '../src/runs/runs.service';
import { ScheduleFiring } from '../src/schedules/schedule-firing';
import { ScheduleDto } from '../src/schedules/schedule.dto';
import { SchedulerEnvironment } from '../src/scheduler.environment';
import { SchedulerTestBed } from './support/scheduler-test-bed';

const HOUR_MS = 3_600_000;

describe('schedules: every integration runs on its schedule, once per slot, one run at a time', () => {
  let bed: SchedulerTestBed;
  let runs: RunsService;

  beforeAll(async () => {
    bed = await SchedulerTestBed.create('scheduler_schedules');
    await bed.announceCredentials('acme', ['zoom-acme', 'oomnitza-acme']);
    runs = new RunsService(bed.dataSource, bed.integrations, new OutboxService(new TopicNames('')));
  });

  afterAll(() => bed?.destroy());

  /** A scheduler replica's firing, as the service wires it. */
  const replica = (settings: Partial<SchedulerEnvironment> = {}) =>
    new ScheduleFiring(
      bed.dataSource,
      runs,
      bed.scheduleRules,
      new OutboxService(new TopicNames('')),
      new MetricsService('scheduler-test'),
      new ConfigService<SchedulerEnvironment, true>({ ...new SchedulerEnvironment(), ...settings }),
      new AppLogger(createLogger('scheduler-test', 'silent')),
    );

  async function launched(schedule?: ScheduleDto, tenantId = 'acme'): Promise<IntegrationEntity> {
    await bed.announceCredentials(tenantId, [`zoom-${tenantId}`, `oomnitza-${tenantId}`]);
    const draft = await bed.integrations.create(tenantId, {
      name: 'Zoom users',
      zoomCredentialId: `zoom-${tenantId}`,
      oomnitzaCredentialId: `oomnitza-${tenantId}`,
      oomnitzaRoleId: 7,
      schedule,
    });
    return bed.integrations.launch(tenantId, draft.id);
  }

  /** The integration's next slot moved to `at`, as if the schedulers had been down since then. */
  const dueSince = (integration: IntegrationEntity, at: Date) =>
    bed.dataSource.getRepository(IntegrationEntity).update({ id: integration.id }, { nextRunAt: at });
  const reload = (integration: IntegrationEntity) =>
    bed.dataSource.getRepository(IntegrationEntity).findOneByOrFail({ id: integration.id });
  const runsOf = (integration: IntegrationEntity) =>
    bed.dataSource.getRepository(RunEntity).find({ where: { integrationId: integration.id }, order: { requestedAt: 'ASC' } });

  it('schedules an integration daily at 02:00 UTC by default, once it is launched', async () => {
    const draft = await bed.integrations.create('acme', {
      name: 'Zoom users',
      zoomCredentialId: 'zoom-acme',
      oomnitzaCredentialId: 'oomnitza-acme',
    });
    expect(draft.schedule).toEqual({ kind: 'daily', time: '02:00', timezone: 'UTC' });
    expect(draft.nextRunAt).toBeNull();

    const before = new Date();
    await bed.integrations.update('acme', draft.id, { oomnitzaRoleId: 7 });
    const active = await bed.integrations.launch('acme', draft.id);

    expect(active.nextRunAt!.getTime()).toBeGreaterThan(before.getTime());
    expect(active.nextRunAt!.getTime() - before.getTime()).toBeLessThanOrEqual(24 * HOUR_MS);
    expect(active.nextRunAt!.toISOString()).toMatch(/T02:00:00\.000Z$/);
  });

  it('moves the next run when the schedule changes, in the timezone given', async () => {
    const integration = await launched();
    const updated = await bed.integrations.update('acme', integration.id, {
      schedule: { kind: 'weekly', days: ['sat'], time: '06:30', timezone: 'Asia/Tokyo' },
    });
    expect(updated.schedule).toEqual({ kind: 'weekly', days: ['sat'], time: '06:30', timezone: 'Asia/Tokyo' });
    // 06:30 in Tokyo (UTC+9) on a Saturday is 21:30 UTC on a Friday.
    expect(updated.nextRunAt!.getUTCDay()).toBe(5);
    expect(updated.nextRunAt!.toISOString()).toMatch(/T21:30:00\.000Z$/);
  });

  it('refuses a schedule that would run more often than SCHEDULE_MIN_INTERVAL_SECONDS', async () => {
    const integration = await launched();
    const refused = bed.integrations.update('acme', integration.id, { schedule: { kind: 'cron', expression: '*/30 * * * * *' } });
    await expect(refused).rejects.toMatchObject({ problem: { status: 400, errors: [{ field: 'schedule' }] } });
    expect((await reload(integration)).schedule).toEqual({ kind: 'daily', time: '02:00', timezone: 'UTC' });
  });

  it('starts one run with trigger schedule when a slot comes, and moves the schedule to its next slot', async () => {
    const integration = await launched({ kind: 'every_hours', everyHours: 1, time: '00:00' });
    await dueSince(integration, new Date(Date.now() - 1_000));

    const now = new Date();
    await replica().fireDue(now);

    const [run] = await runsOf(integration);
    expect([run.trigger, run.status]).toEqual(['schedule', 'requested']);
    const requests = await bed.published(SyncRunRequested, run.id);
    expect(requests.map((request) => request.payload.trigger)).toEqual(['schedule']);
    const next = (await reload(integration)).nextRunAt!;
    expect(next.getTime()).toBeGreaterThan(now.getTime());
    expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(HOUR_MS);
    expect(await bed.publishedAbout(IntegrationAlert, integration.id)).toEqual([]);
  });

  it('fires a slot missed while the schedulers were down once, not once per missed slot, and raises scheduled_run_missed', async () => {
    const integration = await launched({ kind: 'every_hours', everyHours: 1, time: '00:00' });
    await dueSince(integration, new Date(Date.now() - 5 * HOUR_MS));

    const firing = replica({ SCHEDULE_MISSED_TOLERANCE_MINUTES: 15 });
    await firing.fireDue(new Date());
    await firing.fireDue(new Date());

    const runsStarted = await runsOf(integration);
    expect(runsStarted.map((run) => run.trigger)).toEqual(['schedule']);
    const alerts = await bed.publishedAbout(IntegrationAlert, integration.id);
    expect(alerts.map((alert) => [alert.payload.kind, alert.payload.runId])).toEqual([['scheduled_run_missed', runsStarted[0].id]]);
    expect(alerts[0].payload.detail).toContain('started 300 minutes late');
  });

  it('skips and counts a slot that comes while a run is under way', async () => {
    const integration = await launched();
    const manual = await runs.requestRun('acme', integration.id);
    await dueSince(integration, new Date(Date.now() - 1_000));

    await replica().fireDue(new Date());

    expect((await runsOf(integration)).map((run) => run.id)).toEqual([manual.id]);
    const after = await reload(integration);
    expect(after.scheduledRunsSkipped).toBe(1);
    expect(after.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it('fires each due slot exactly once when three replicas look at the same time', async () => {
    const integrations = await Promise.all(Array.from({ length: 12 }, (_, index) => launched(undefined, `tenant-${index}`)));
    await Promise.all(integrations.map((integration) => dueSince(integration, new Date(Date.now() - 1_000))));
    const replicas = [replica(), replica(), replica()];

    const handled = await Promise.all(replicas.flatMap((firing) => [firing.fireDue(new Date()), firing.fireDue(new Date())]));

    expect(handled.reduce((sum, count) => sum + count, 0)).toBe(integrations.length);
    for (const integration of integrations) {
      expect((await runsOf(integration)).map((run) => run.trigger)).toEqual(['schedule']);
    }
  });

  it('refuses "Run now" during a run with 409 naming the active run', async () => {
    const integration = await launched();
    const first = await runs.requestRun('acme', integration.id);

    const refused = await runs.requestRun('acme', integration.id).catch((error: ProblemException) => error);

    expect(refused).toBeInstanceOf(ProblemException);
    expect((refused as ProblemException).problem).toMatchObject({ status: 409, slug: 'run-active', extensions: { activeRunId: first.id } });
    expect((refused as ProblemException).problem.detail).toContain(first.id);
    await bed.dataSource.getRepository(RunEntity).update({ id: first.id }, { status: 'completed', finishedAt: new Date() });
    await expect(runs.requestRun('acme', integration.id)).resolves.toMatchObject({ status: 'requested' });
  });

  it('keeps two active runs out even when a request bypasses the check (the database refuses the second)', async () => {
    const integration = await launched();
    await runs.requestRun('acme', integration.id);
    const second = bed.dataSource.transaction((manager) => runs.startRun(manager, integration, 'manual'));
    await expect(second).rejects.toThrow(/runs_one_active_per_integration/);
  });

  it('pauses an integration: no scheduled runs, no "Run now", other services told; resume schedules it from the next slot', async () => {
    const integration = await launched();
    await dueSince(integration, new Date(Date.now() - 1_000));

    const paused = await bed.integrations.pause('acme', integration.id);
    expect([paused.status, paused.nextRunAt]).toEqual(['paused', null]);
    await replica().fireDue(new Date());
    expect(await runsOf(integration)).toEqual([]);
    await expect(runs.requestRun('acme', integration.id)).rejects.toMatchObject({ problem: { status: 409 } });

    const resumed = await bed.integrations.resume('acme', integration.id);
    expect(resumed.status).toBe('active');
    expect(resumed.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    const states = (await bed.publishedAbout(IntegrationChanged, integration.id)).map((change) => change.payload.state);
    expect(states.slice(-2)).toEqual(['paused', 'active']);
  });
});
