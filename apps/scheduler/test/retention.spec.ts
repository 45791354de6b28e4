import { AppLogger, createLogger } from '@zoom-oomnitza-sync/platform';
import { RunRetention } from '../src/retention/run-retention';
import { RunErrorEntity } from '../src/runs/run-error.entity';
import { RunEntity, RunStatus } from '../src/runs/run.entity';
import { SchedulerTestBed } from './support/scheduler-test-bed';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('run retention', () => {
  let bed: SchedulerTestBed;
  let retention: RunRetention;

  beforeAll(async () => {
    bed = await SchedulerTestBed.create('scheduler_retention');
    retention = new RunRetention(bed.dataSource, bed.settings, new AppLogger(createLogger('scheduler-test', 'silent')));
  });

  afterAll(() => bed?.destroy());

  /** The run made requested, and ended, `daysAgo` days ago (not ended while active), with `errors` record errors. */
  async function age(runId: string, daysAgo: number, status: RunStatus, errors = 0): Promise<string> {
    const at = new Date(Date.now() - daysAgo * DAY_MS);
    const active = status === 'requested' || status === 'running';
    await bed.dataSource
      .getRepository(RunEntity)
      .update({ id: runId }, { status, requestedAt: at, finishedAt: active ? null : new Date(at.getTime() + 60_000) });
    for (let index = 0; index < errors; index += 1) {
      await bed.dataSource.getRepository(RunErrorEntity).save({ runId, stage: 'map', recordKey: `user-${index}`, reason: 'no email' });
    }
    return runId;
  }

  /** Another run of the integration, ended `daysAgo` days ago. */
  async function runOf(integrationId: string, daysAgo: number, status: RunStatus, errors = 0): Promise<string> {
    const run = await bed.dataSource
      .getRepository(RunEntity)
      .save({ tenantId: 'acme', integrationId, status: 'completed' as const, trigger: 'manual' as const });
    return age(run.id, daysAgo, status, errors);
  }

  const runsLeft = async (ids: string[]) =>
    (await bed.dataSource.getRepository(RunEntity).find({ select: { id: true } })).map((run) => run.id).filter((id) => ids.includes(id));
  const errorsOf = (runId: string) => bed.dataSource.getRepository(RunErrorEntity).countBy({ runId });

  it("deletes runs past RUN_RETENTION_DAYS and errors past RUN_ERROR_RETENTION_DAYS, never an integration's latest run or one still going", async () => {
    const [quietFirst, busyFirst] = [await bed.requestedRun(), await bed.requestedRun()];
    const [quiet, busy] = [quietFirst.integrationId, busyFirst.integrationId];
    const ancient = await age(quietFirst.id, 200, 'completed', 2);
    const old = await runOf(quiet, 190, 'failed');
    const latestOfQuiet = await runOf(quiet, 185, 'completed', 1);
    const monthOld = await runOf(busy, 40, 'completed', 3);
    const recent = await runOf(busy, 10, 'failed', 2);
    const stuck = await age(busyFirst.id, 300, 'running');
    const all = [ancient, old, latestOfQuiet, monthOld, recent, stuck];

    const deleted = await retention.purge();

    expect((await runsLeft(all)).sort()).toEqual([latestOfQuiet, monthOld, recent, stuck].sort());
    expect([await errorsOf(latestOfQuiet), await errorsOf(monthOld), await errorsOf(recent)]).toEqual([0, 0, 2]);
    // 3 errors of the run a month old, 1 of the quiet integration's latest, 2 with the ancient run, and 2 runs.
    expect(deleted).toBe(3 + 1 + 2 + 2);
    expect(await retention.purge()).toBe(0);
  });
});
