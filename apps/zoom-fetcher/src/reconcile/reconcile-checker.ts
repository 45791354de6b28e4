import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DriftReason, ZoomDriftDetected } from '@zoom-oomnitza-sync/contracts';
import { OutboxService } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, MetricsService } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { sameCounts, subtractCounts, UserCounts } from '../directory/user-counts';
import { ZoomDirectory } from '../directory/zoom-directory';
import { ZoomSummaryReader } from '../zoom-api/zoom-summary-reader';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { DueReconcile, ReconcileSchedule } from './reconcile-schedule';

export type ReconcileOutcome = 'in_step' | 'suspected' | 'drift' | 'no_census' | 'failed';

/**
 * One reconcile: Zoom's user summary against the users the fetcher saw, net of the offsets the
 * last clean full sync found. Counts that differ twice, ZOOM_RECONCILE_CONFIRM_SECONDS apart, or
 * a webhook about a user never seen, publish zoom.drift.detected; the scheduler starts a full sync.
 */
@Injectable()
export class ReconcileChecker {
  private readonly log: Logger;
  private readonly confirmSeconds: number;
  private readonly checks: Counter<'outcome'>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly schedule: ReconcileSchedule,
    private readonly directory: ZoomDirectory,
    private readonly summaries: ZoomSummaryReader,
    private readonly outbox: OutboxService,
    config: ConfigService<ZoomFetcherEnvironment, true>,
    metrics: MetricsService,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: ReconcileChecker.name });
    this.confirmSeconds = config.get('ZOOM_RECONCILE_CONFIRM_SECONDS', { infer: true });
    this.checks = metrics.counter('zoom_reconcile_checks_total', 'Reconciles of an integration with Zoom, by outcome', ['outcome']);
  }

  async check(due: DueReconcile): Promise<ReconcileOutcome> {
    const outcome = await this.outcomeOf(due).catch((error: unknown) => {
      this.log.warn(
        { integrationId: due.integrationId, reason: error instanceof Error ? error.message : String(error) },
        'reconcile failed: tried again at the next interval',
      );
      return 'failed' as const;
    });
    this.checks.inc({ outcome });
    return outcome;
  }

  private async outcomeOf(due: DueReconcile): Promise<ReconcileOutcome> {
    if (due.unknownUserAt !== null) {
      await this.reportDrift(due, 'unknown_user');
      return 'drift';
    }
    const census = await this.directory.census(due.zoomCredentialId);
    if (!census) {
      return 'no_census';
    }
    const zoomCounts = await this.summaries.read({ tenantId: due.tenantId, credentialId: due.zoomCredentialId });
    const seenCounts = await this.directory.counts(due.zoomCredentialId);
    if (sameCounts(subtractCounts(zoomCounts, census.offsets), seenCounts)) {
      if (due.driftSuspected) {
        await this.schedule.settle(this.dataSource.manager, due);
      }
      return 'in_step';
    }
    if (!due.driftSuspected && this.confirmSeconds > 0) {
      await this.schedule.suspectDrift(due.integrationId, this.confirmSeconds);
      return 'suspected';
    }
    await this.reportDrift(due, 'counts_differ', { zoomCounts, seenCounts });
    return 'drift';
  }

  private async reportDrift(
    due: DueReconcile,
    reason: DriftReason,
    counts?: { zoomCounts: UserCounts; seenCounts: UserCounts },
  ): Promise<void> {
    this.log.info({ integrationId: due.integrationId, reason, ...counts }, 'drift from Zoom: asking for a full sync');
    await this.dataSource.transaction(async (manager) => {
      await this.schedule.settle(manager, due);
      await this.outbox.publish(manager, ZoomDriftDetected, {
        tenantId: due.tenantId,
        integrationId: due.integrationId,
        payload: { reason, ...counts },
      });
    });
  }
}
