import { IntegrationAlert } from '@zoom-oomnitza-sync/contracts';
import { PermanentMessageError } from '@zoom-oomnitza-sync/messaging';
import { randomUUID } from 'node:crypto';
import { RunEntity } from '../src/runs/run.entity';
import { SchedulerTestBed } from './support/scheduler-test-bed';
import { progressOf, writtenOf } from './support/stage-reports';

describe('RunAccountingService: which reports count for a run', () => {
  let bed: SchedulerTestBed;

  beforeAll(async () => {
    bed = await SchedulerTestBed.create('scheduler_reports');
  });

  afterAll(async () => {
    await bed?.destroy();
  });

  const misaddressed: [string, (run: RunEntity) => Pick<RunEntity, 'id' | 'tenantId' | 'integrationId'>][] = [
    ['a run that does not exist', (run) => ({ ...run, id: randomUUID() })],
    ["another tenant's run", (run) => ({ ...run, tenantId: 'globex' })],
    ["another integration's run", (run) => ({ ...run, integrationId: randomUUID() })],
  ];

  it.each(misaddressed)('refuses reports on %s for good, changing nothing', async (_, address) => {
    const run = await bed.requestedRun();

    const progress = progressOf(address(run), 'fetch', { processed: 3, failureReason: 'Zoom refused' });
    const written = writtenOf(address(run), { created: 3, runFinished: true });

    await expect(bed.applyProgress(progress)).rejects.toBeInstanceOf(PermanentMessageError);
    await expect(bed.applyWritten(written)).rejects.toBeInstanceOf(PermanentMessageError);

    expect(await bed.run(run.id)).toEqual(run);
    expect(await bed.published(IntegrationAlert, run.id)).toEqual([]);
  });

  it('ignores a written report that belongs to no run (a webhook-driven write)', async () => {
    const run = await bed.requestedRun();
    const report = writtenOf(run, { updated: 1 });

    await bed.applyWritten({ ...report, runId: undefined, payload: { ...report.payload, runId: undefined } });

    expect(await bed.run(run.id)).toEqual(run);
  });

  it('completes a run whose last map and write reports two consumers handle at the same time', async () => {
    const run = await bed.requestedRun();
    await bed.applyProgress(progressOf(run, 'fetch', { processed: 120, stageCompleted: true }));

    await bed.applyOverlapping(
      (manager) => bed.accounting.applyProgress(manager, progressOf(run, 'map', { processed: 120, stageCompleted: true })),
      () => bed.applyWritten(writtenOf(run, { created: 100, unchanged: 20, runFinished: true })),
    );

    expect(await bed.run(run.id)).toMatchObject({ status: 'completed', mapped: 120, created: 100, unchanged: 20 });
  });
});
