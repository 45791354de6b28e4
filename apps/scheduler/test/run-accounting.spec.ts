import { IntegrationAlert, SyncRunCompleted } from '@zoom-oomnitza-sync/contracts';
import { IntegrationEntity } from '../src/integrations/integration.entity';
import { RUN_ERRORS_KEPT } from '../src/runs/run-accounting.service';
import { SchedulerTestBed } from './support/scheduler-test-bed';
import { progressOf, recordErrors, writtenOf } from './support/stage-reports';

describe('RunAccountingService: how a run goes and settles', () => {
  let bed: SchedulerTestBed;

  beforeAll(async () => {
    bed = await SchedulerTestBed.create('scheduler_accounting');
  });

  afterAll(async () => {
    await bed?.destroy();
  });

  const alertsOf = async (runId: string) => (await bed.published(IntegrationAlert, runId)).map((envelope) => envelope.payload);

  it('moves a requested run to running on its first report', async () => {
    const run = await bed.requestedRun();

    await bed.applyWritten(writtenOf(run, { created: 5 }));

    expect(await bed.run(run.id)).toMatchObject({ status: 'running', created: 5, finishedAt: null, failureReason: null });
  });

  it('completes the run once fetch and map are complete and the writer has finished with every mapped record accounted for', async () => {
    const run = await bed.requestedRun();
    await bed.applyProgress(progressOf(run, 'fetch', { processed: 300 }));
    await bed.applyProgress(progressOf(run, 'map', { processed: 298, rejected: 2 }));
    await bed.applyWritten(writtenOf(run, { created: 100 }));
    await bed.applyProgress(progressOf(run, 'fetch', { processed: 50, stageCompleted: true }));
    await bed.applyWritten(writtenOf(run, { updated: 190, unchanged: 40, skipped: 10, failed: 8, runFinished: true }));
    expect(await bed.run(run.id)).toMatchObject({ status: 'running', writeFinished: true, mapCompleted: false });
    const mapCompletedAt = new Date();

    await bed.applyProgress(progressOf(run, 'map', { processed: 50, stageCompleted: true }));

    const completed = await bed.run(run.id);
    expect(completed).toMatchObject({
      status: 'completed',
      failureReason: null,
      fetched: 350,
      mapped: 348,
      rejected: 2,
      created: 100,
      updated: 190,
      unchanged: 40,
      skipped: 10,
      failed: 8,
      fetchCompleted: true,
      mapCompleted: true,
      writeFinished: true,
    });
    expect(completed.finishedAt?.getTime()).toBeGreaterThanOrEqual(mapCompletedAt.getTime() - 1);
    expect(await alertsOf(run.id)).toEqual([]);
  });

  it.each([
    ['clean: nothing rejected or failed, every fetched user mapped', { rejected: 0, failed: 0 }, true],
    ['not clean: a user the mapper rejected', { rejected: 1, failed: 0 }, false],
    ['not clean: a record the writer failed', { rejected: 0, failed: 1 }, false],
  ])('announces a completed run to the writer, %s', async (_, { rejected, failed }, clean) => {
    const run = await bed.requestedRun();
    await bed.applyProgress(progressOf(run, 'fetch', { processed: 10, stageCompleted: true }));
    await bed.applyProgress(progressOf(run, 'map', { processed: 10 - rejected, rejected, stageCompleted: true }));
    await bed.applyWritten(writtenOf(run, { updated: 2, unchanged: 8 - rejected - failed, failed, runFinished: true }));

    const requested = await bed.run(run.id);
    expect(requested.status).toBe('completed');
    const announced = await bed.published(SyncRunCompleted, run.id);
    expect(announced).toEqual([
      expect.objectContaining({
        tenantId: run.tenantId,
        integrationId: run.integrationId,
        runId: run.id,
        payload: { runId: run.id, runStartedAt: requested.requestedAt.toISOString(), clean },
      }),
    ]);
  });

  it('counts the users filter rules left out and the names derived, and calls a run whose users were all mapped or filtered clean', async () => {
    const run = await bed.requestedRun();
    await bed.applyProgress(progressOf(run, 'fetch', { processed: 10, stageCompleted: true }));
    await bed.applyProgress(progressOf(run, 'map', { processed: 7, filtered: 3, namesDerived: 2, stageCompleted: true }));
    await bed.applyWritten(writtenOf(run, { created: 7, runFinished: true }));

    expect(await bed.run(run.id)).toMatchObject({ status: 'completed', mapped: 7, filtered: 3, namesDerived: 2 });
    expect((await bed.published(SyncRunCompleted, run.id)).map((envelope) => envelope.payload.clean)).toEqual([true]);
  });

  it('completes a dry run on its comparison counts, announcing nothing to the writer and leaving the data as stale as it was', async () => {
    const run = await bed.requestedRun('acme', 'dry_run');
    await bed.applyProgress(progressOf(run, 'fetch', { processed: 10, stageCompleted: true }));
    await bed.applyProgress(progressOf(run, 'map', { processed: 9, filtered: 1, stageCompleted: true }));
    await bed.applyWritten(writtenOf(run, { created: 2, updated: 3, unchanged: 4, runFinished: true }));

    expect(await bed.run(run.id)).toMatchObject({ status: 'completed', mode: 'dry_run', created: 2, updated: 3, unchanged: 4 });
    expect(await bed.published(SyncRunCompleted, run.id)).toEqual([]);
    expect((await bed.dataSource.getRepository(IntegrationEntity).findOneByOrFail({ id: run.integrationId })).lastSuccessAt).toBeNull();
  });

  it('does not call a run clean whose writer accounted for every mapped user when the mapper rejected one', async () => {
    const run = await bed.requestedRun();
    await bed.applyProgress(progressOf(run, 'fetch', { processed: 10, stageCompleted: true }));
    await bed.applyProgress(progressOf(run, 'map', { processed: 9, rejected: 1, stageCompleted: true }));
    await bed.applyWritten(writtenOf(run, { unchanged: 9, runFinished: true }));

    expect((await bed.published(SyncRunCompleted, run.id)).map((envelope) => envelope.payload.clean)).toEqual([false]);
  });

  it('announces nothing to the writer for a failed run', async () => {
    const run = await bed.requestedRun();

    await bed.applyProgress(progressOf(run, 'fetch', { stageCompleted: true, failureReason: 'Zoom rejected the client secret (4704)' }));

    expect(await bed.published(SyncRunCompleted, run.id)).toEqual([]);
  });

  it('fails a run whose mapper, once done, accounted for fewer users than were fetched', async () => {
    const run = await bed.requestedRun();
    await bed.applyProgress(progressOf(run, 'fetch', { processed: 300, stageCompleted: true }));
    await bed.applyProgress(progressOf(run, 'map', { processed: 297, rejected: 1, stageCompleted: true }));
    await bed.applyWritten(writtenOf(run, { created: 297, runFinished: true }));

    expect(await bed.run(run.id)).toMatchObject({
      status: 'failed',
      failureReason: '2 of 300 fetched users were neither mapped, rejected nor filtered (mapped 297, rejected 1, filtered 0)',
    });
    expect((await alertsOf(run.id)).map((alert) => alert.kind)).toEqual(['run_failed']);
  });

  it('raises credential_invalid, not run_failed, for a run that failed because a credential was refused', async () => {
    const refused = await bed.requestedRun();
    const broken = await bed.requestedRun();

    await bed.applyProgress(
      progressOf(refused, 'write', {
        stageCompleted: true,
        failureReason: 'Oomnitza refused the API token (401)',
        failureKind: 'credential_invalid',
      }),
    );
    await bed.applyProgress(progressOf(broken, 'fetch', { stageCompleted: true, failureReason: 'Zoom answered 400: bad request' }));

    expect(await bed.run(refused.id)).toMatchObject({ status: 'failed', failureKind: 'credential_invalid' });
    expect((await alertsOf(refused.id)).map((alert) => [alert.kind, alert.detail])).toEqual([
      ['credential_invalid', 'Oomnitza refused the API token (401)'],
    ]);
    expect(await bed.run(broken.id)).toMatchObject({ status: 'failed', failureKind: null });
    expect((await alertsOf(broken.id)).map((alert) => alert.kind)).toEqual(['run_failed']);
  });

  it('fails a run whose writer finished with mapped records unaccounted for, and alerts in the same transaction', async () => {
    const run = await bed.requestedRun();
    await bed.applyProgress(progressOf(run, 'fetch', { processed: 10, stageCompleted: true }));
    await bed.applyProgress(progressOf(run, 'map', { processed: 10, stageCompleted: true }));
    const lastWrite = writtenOf(run, { created: 6, unchanged: 1, runFinished: true });

    // Rolled back after the accounting: neither the failure nor its alert may remain.
    await expect(
      bed.dataSource.transaction(async (manager) => {
        await bed.accounting.applyWritten(manager, lastWrite);
        throw new Error('the consumer crashed before committing');
      }),
    ).rejects.toThrow('the consumer crashed before committing');
    expect(await bed.run(run.id)).toMatchObject({ status: 'running', created: 0 });
    expect(await alertsOf(run.id)).toEqual([]);

    await bed.applyWritten(lastWrite);

    const failed = await bed.run(run.id);
    const reason = '3 of 10 mapped records were never reported by the writer';
    expect(failed).toMatchObject({ status: 'failed', failureReason: reason, created: 6, unchanged: 1 });
    expect(failed.finishedAt).toBeInstanceOf(Date);
    const alerts = await bed.published(IntegrationAlert, run.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ tenantId: run.tenantId, integrationId: run.integrationId, observedAt: lastWrite.observedAt });
    expect(alerts[0].payload).toEqual({
      kind: 'run_failed',
      severity: 'critical',
      title: 'Zoom sync run failed',
      detail: reason,
      runId: run.id,
    });
  });

  it('fails a run whose writer reported more records than were mapped, saying so', async () => {
    const run = await bed.requestedRun();
    await bed.applyProgress(progressOf(run, 'fetch', { processed: 10, stageCompleted: true }));
    await bed.applyProgress(progressOf(run, 'map', { processed: 10, stageCompleted: true }));

    // Oomnitza counts a request twice when it took it but its answer was lost and the client retried.
    await bed.applyWritten(writtenOf(run, { created: 10, updated: 2, runFinished: true }));

    const reason = 'the writer reported 12 records, but 10 were mapped';
    expect(await bed.run(run.id)).toMatchObject({ status: 'failed', failureReason: reason });
    expect(await alertsOf(run.id)).toEqual([expect.objectContaining({ kind: 'run_failed', detail: reason })]);
  });

  it.each([
    ['fetch', 'Zoom rejected the client secret (4704)'],
    ['map', 'the integration has no mapping: choose an Oomnitza role'],
    ['write', 'the run was canceled in Oomnitza'],
  ] as const)('fails the run at once with the reason the %s stage gives, and alerts', async (stage, reason) => {
    const run = await bed.requestedRun();
    await bed.applyProgress(progressOf(run, 'fetch', { processed: 300 }));

    await bed.applyProgress(progressOf(run, stage, { stageCompleted: true, failureReason: reason }));

    const failed = await bed.run(run.id);
    expect(failed).toMatchObject({ status: 'failed', failureReason: reason, fetched: 300 });
    expect(failed.finishedAt).toBeInstanceOf(Date);
    expect(await alertsOf(run.id)).toEqual([expect.objectContaining({ kind: 'run_failed', detail: reason })]);
  });

  it('changes nothing for reports arriving after the run settled', async () => {
    const completed = await bed.requestedRun();
    await bed.applyProgress(progressOf(completed, 'fetch', { processed: 2, stageCompleted: true }));
    await bed.applyProgress(progressOf(completed, 'map', { processed: 2, stageCompleted: true }));
    await bed.applyWritten(writtenOf(completed, { created: 2, runFinished: true }));
    const failed = await bed.requestedRun();
    await bed.applyProgress(progressOf(failed, 'fetch', { failureReason: 'Zoom rejected the client secret (4704)' }));
    const settled = [await bed.run(completed.id), await bed.run(failed.id)];

    for (const run of settled) {
      const lateErrors = recordErrors('late', 1);
      await bed.applyProgress(progressOf(run, 'map', { processed: 4, rejected: 1, errors: lateErrors, failureReason: 'too late' }));
      await bed.applyWritten(writtenOf(run, { created: 3, failed: 1, errors: recordErrors('late', 1), runFinished: true }));
    }

    expect([await bed.run(completed.id), await bed.run(failed.id)]).toEqual(settled);
    expect([...(await bed.runErrors(completed.id)), ...(await bed.runErrors(failed.id))]).toEqual([]);
    expect(await alertsOf(completed.id)).toEqual([]);
    expect(await alertsOf(failed.id)).toHaveLength(1);
  });

  it('keeps the first RUN_ERRORS_KEPT per-record errors of a run while its counts stay exact', async () => {
    const run = await bed.requestedRun();
    const rejections = recordErrors('map', RUN_ERRORS_KEPT - 1);
    const writeFailures = recordErrors('write', 5);

    await bed.applyProgress(progressOf(run, 'map', { processed: 0, rejected: rejections.length, errors: rejections }));
    await bed.applyWritten(writtenOf(run, { failed: writeFailures.length, errors: writeFailures }));
    await bed.applyWritten(writtenOf(run, { failed: 3, errors: recordErrors('later', 3) }));

    expect(await bed.run(run.id)).toMatchObject({ rejected: RUN_ERRORS_KEPT - 1, failed: 8 });
    const kept = await bed.runErrors(run.id);
    expect(kept).toHaveLength(RUN_ERRORS_KEPT);
    expect(kept.at(-2)).toMatchObject({ stage: 'map', recordKey: rejections.at(-1)?.recordKey });
    expect(kept.at(-1)).toMatchObject({ stage: 'write', recordKey: writeFailures[0].recordKey, reason: writeFailures[0].reason });
  });
});
