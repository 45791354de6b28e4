import { Injectable } from '@nestjs/common';
import {
  IntegrationAlert,
  MessageEnvelope,
  OomnitzaRecordsWrittenValue,
  RecordErrorDto,
  RunFailureKind,
  RunProgressValue,
  RunStage,
  SyncRunCompleted,
} from '@zoom-oomnitza-sync/contracts';
import { OutboxService, PermanentMessageError } from '@zoom-oomnitza-sync/messaging';
import { EntityManager, In, Not } from 'typeorm';
import { IntegrationEntity } from '../integrations/integration.entity';
import { RunErrorEntity } from './run-error.entity';
import { RunEntity } from './run.entity';

const latest = (moment: Date, other: Date | null): Date => (other && other > moment ? other : moment);

/** Per-record errors kept per run; the counts stay exact beyond it. */
export const RUN_ERRORS_KEPT = 1000;

/**
 * Adds each stage's report to its run and settles the run: completed once every mapped record is
 * accounted for by the writer, failed when a stage says so or records went missing.
 */
@Injectable()
export class RunAccountingService {
  constructor(private readonly outbox: OutboxService) {}

  async applyProgress(manager: EntityManager, envelope: MessageEnvelope<RunProgressValue>): Promise<void> {
    const progress = envelope.payload;
    const run = await this.lockRun(manager, envelope, progress.runId);
    if (this.isSettled(run)) {
      return;
    }
    if (progress.stage === 'fetch') {
      run.fetched += progress.processed;
      run.fetchCompleted ||= progress.stageCompleted;
    } else if (progress.stage === 'map') {
      run.mapped += progress.processed;
      run.rejected += progress.rejected;
      run.filtered += progress.filtered ?? 0;
      run.namesDerived += progress.namesDerived ?? 0;
      run.mapCompleted ||= progress.stageCompleted;
    }
    if (progress.failureReason) {
      this.fail(run, progress.failureReason, progress.failureKind);
    }
    if (progress.waitingUntil) {
      run.lastProgressAt = latest(new Date(progress.waitingUntil), run.lastProgressAt);
    }
    await this.keepErrors(manager, run, progress.stage, progress.errors);
    await this.settle(manager, run, envelope);
  }

  async applyWritten(manager: EntityManager, envelope: MessageEnvelope<OomnitzaRecordsWrittenValue>): Promise<void> {
    const written = envelope.payload;
    if (!written.runId) {
      return;
    } // a webhook-driven write belongs to no run
    const run = await this.lockRun(manager, envelope, written.runId);
    if (this.isSettled(run)) {
      return;
    }
    run.created += written.created;
    run.updated += written.updated;
    run.unchanged += written.unchanged;
    run.skipped += written.skipped;
    run.deactivated += written.deactivated;
    run.failed += written.failed;
    run.writeFinished ||= written.runFinished;
    await this.keepErrors(manager, run, 'write', written.errors);
    await this.settle(manager, run, envelope);
  }

  private async lockRun(manager: EntityManager, envelope: MessageEnvelope, runId: string): Promise<RunEntity> {
    const run = await manager.findOne(RunEntity, { where: { id: runId }, lock: { mode: 'pessimistic_write' } });
    if (!run || run.tenantId !== envelope.tenantId || run.integrationId !== envelope.integrationId) {
      throw new PermanentMessageError(`run ${runId} does not exist for integration ${envelope.integrationId}`);
    }
    return run;
  }

  private isSettled(run: RunEntity): boolean {
    return run.status === 'completed' || run.status === 'failed';
  }

  private fail(run: RunEntity, reason: string, kind: RunFailureKind | null = null): void {
    run.status = 'failed';
    run.failureReason = reason;
    run.failureKind = kind;
  }

  /** Fails a run that is not settled yet (the watchdog's verdict), with the alert a failed run raises. */
  async failRun(manager: EntityManager, run: RunEntity, reason: string): Promise<void> {
    this.fail(run, reason);
    run.finishedAt = new Date();
    await manager.save(run);
    await this.alertFailure(manager, run);
  }

  private async settle(manager: EntityManager, run: RunEntity, envelope: MessageEnvelope): Promise<void> {
    // A wait a stage announced (until a rate limit resets) is kept: the run is not stalled before it ends.
    run.lastProgressAt = latest(new Date(), run.lastProgressAt);
    if (run.status === 'requested') {
      run.status = 'running';
    }
    if (run.status === 'running' && run.fetchCompleted && run.mapCompleted && run.mapped + run.rejected + run.filtered !== run.fetched) {
      this.fail(
        run,
        `${run.fetched - run.mapped - run.rejected - run.filtered} of ${run.fetched} fetched users were neither mapped, ` +
          `rejected nor filtered (mapped ${run.mapped}, rejected ${run.rejected}, filtered ${run.filtered})`,
      );
    }
    if (run.status === 'running' && run.fetchCompleted && run.mapCompleted && run.writeFinished) {
      const accounted = run.created + run.updated + run.unchanged + run.skipped + run.failed;
      if (accounted === run.mapped) {
        run.status = 'completed';
      } else if (accounted < run.mapped) {
        this.fail(run, `${run.mapped - accounted} of ${run.mapped} mapped records were never reported by the writer`);
      } else {
        this.fail(run, `the writer reported ${accounted} records, but ${run.mapped} were mapped`);
      }
    }
    if (this.isSettled(run)) {
      run.finishedAt = new Date();
    }
    await manager.save(run);
    if (run.status === 'failed') {
      await this.alertFailure(manager, run, envelope.observedAt);
    } else if (run.status === 'completed' && run.mode === 'full_sync') {
      // A dry run changed nothing: it neither marks who is gone from Zoom nor makes the data fresh.
      await this.announceCompletion(manager, run);
      await this.recordSuccess(manager, run);
    }
  }

  /** The integration's data is fresh again; after a failed run or a stale_data alert, people hear it recovered. */
  private async recordSuccess(manager: EntityManager, run: RunEntity): Promise<void> {
    const integration = await manager.findOne(IntegrationEntity, { where: { id: run.integrationId }, lock: { mode: 'pessimistic_write' } });
    if (!integration) {
      return;
    }
    const previous = await manager.findOne(RunEntity, {
      where: { integrationId: run.integrationId, id: Not(run.id), status: In(['completed', 'failed']) },
      order: { finishedAt: 'DESC' },
    });
    const wasStale = integration.staleAlertedAt !== null;
    await manager.update(IntegrationEntity, { id: integration.id }, { lastSuccessAt: run.finishedAt, staleAlertedAt: null });
    if (previous?.status === 'failed' || wasStale) {
      await this.outbox.publish(manager, IntegrationAlert, {
        tenantId: run.tenantId,
        integrationId: run.integrationId,
        runId: run.id,
        payload: {
          kind: 'recovered',
          severity: 'info',
          title: `"${integration.name}" is syncing again`,
          detail:
            `Run ${run.id} completed (${run.created} created, ${run.updated} updated, ${run.unchanged} unchanged)` +
            (previous?.status === 'failed' ? ` after run ${previous.id} failed: ${previous.failureReason ?? 'no reason given'}.` : '.') +
            (wasStale ? ' Oomnitza holds current Zoom data again.' : ''),
          runId: run.id,
        },
      });
    }
  }

  /**
   * Clean: nothing rejected or failed, and every fetched user mapped or filtered. Only then does a
   * user the run did not write count as gone from Zoom: an unmappable or unwritten one is still
   * there, while one the filter rules leave out is meant to be gone.
   */
  private async announceCompletion(manager: EntityManager, run: RunEntity): Promise<void> {
    const clean = run.rejected === 0 && run.failed === 0 && run.mapped + run.filtered === run.fetched;
    await this.outbox.publish(manager, SyncRunCompleted, {
      tenantId: run.tenantId,
      integrationId: run.integrationId,
      runId: run.id,
      payload: { runId: run.id, runStartedAt: run.requestedAt.toISOString(), clean },
    });
  }

  private async alertFailure(manager: EntityManager, run: RunEntity, observedAt?: string): Promise<void> {
    await this.outbox.publish(manager, IntegrationAlert, {
      tenantId: run.tenantId,
      integrationId: run.integrationId,
      runId: run.id,
      observedAt,
      payload:
        run.failureKind === 'credential_invalid'
          ? {
              kind: 'credential_invalid',
              severity: 'critical',
              title: 'Zoom sync run failed: a credential was refused',
              detail: run.failureReason ?? '',
              runId: run.id,
            }
          : { kind: 'run_failed', severity: 'critical', title: 'Zoom sync run failed', detail: run.failureReason ?? '', runId: run.id },
    });
  }

  private async keepErrors(manager: EntityManager, run: RunEntity, stage: RunStage, errors: RecordErrorDto[]): Promise<void> {
    if (errors.length === 0) {
      return;
    }
    const kept = await manager.countBy(RunErrorEntity, { runId: run.id });
    const room = Math.max(0, RUN_ERRORS_KEPT - kept);
    const rows = errors.slice(0, room).map((error) => ({ runId: run.id, stage, recordKey: error.recordKey, reason: error.reason }));
    if (rows.length > 0) {
      await manager.insert(RunErrorEntity, rows);
    }
  }
}
