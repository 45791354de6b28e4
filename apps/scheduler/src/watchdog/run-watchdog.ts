import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { IntegrationAlert } from '@zoom-oomnitza-sync/contracts';
import { OutboxService } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, MetricsService, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { IntegrationEntity } from '../integrations/integration.entity';
import { RunAccountingService } from '../runs/run-accounting.service';
import { RunEntity } from '../runs/run.entity';
import { SchedulerEnvironment } from '../scheduler.environment';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Makes sure every run ends and nobody is left with stale data unawares: fails runs that stopped
 * moving, raises run_overdue for runs going past RUN_OVERDUE_HOURS, and stale_data for active
 * integrations without a completed run for their maxStalenessHours. Each finding is claimed (SKIP
 * LOCKED) and settled in its own transaction, so replicas never report one twice.
 */
@Injectable()
export class RunWatchdog {
  private readonly log: Logger;
  private readonly stallMs: number;
  private readonly overdueMs: number;
  private readonly findings: Counter<'finding'>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounting: RunAccountingService,
    private readonly outbox: OutboxService,
    metrics: MetricsService,
    config: ConfigService<SchedulerEnvironment, true>,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: RunWatchdog.name });
    this.stallMs = config.get('RUN_STALL_MINUTES', { infer: true }) * MINUTE_MS;
    this.overdueMs = config.get('RUN_OVERDUE_HOURS', { infer: true }) * HOUR_MS;
    this.findings = metrics.counter('scheduler_watchdog_findings_total', 'Runs failed as stalled, runs overdue, integrations stale', [
      'finding',
    ]);
  }

  async check(now: Date): Promise<void> {
    while (await this.dataSource.transaction((manager) => this.failNextStalled(manager, now))) {
      this.findings.inc({ finding: 'stalled' });
    }
    while (await this.dataSource.transaction((manager) => this.alertNextOverdue(manager, now))) {
      this.findings.inc({ finding: 'overdue' });
    }
    while (await this.dataSource.transaction((manager) => this.alertNextStale(manager, now))) {
      this.findings.inc({ finding: 'stale' });
    }
  }

  private async failNextStalled(manager: EntityManager, now: Date): Promise<boolean> {
    const run = await this.claimRun(manager, `COALESCE(last_progress_at, requested_at) < $1`, new Date(now.getTime() - this.stallMs));
    if (!run) {
      return false;
    }
    const since = run.lastProgressAt ?? run.requestedAt;
    const minutes = Math.round((now.getTime() - since.getTime()) / MINUTE_MS);
    const reason =
      `No progress for ${minutes} minutes (${run.lastProgressAt ? `last report at ${since.toISOString()}` : 'no stage ever reported'}; ` +
      `fetched ${run.fetched}, mapped ${run.mapped}, written ${run.created + run.updated + run.unchanged + run.skipped + run.failed}): ` +
      "stopped by the watchdog so the next run can start. A message of the run may have been lost or dead-lettered; see the services' logs.";
    await this.accounting.failRun(manager, run, reason);
    this.log.warn({ runId: run.id, integrationId: run.integrationId, minutes }, 'run failed: no progress');
    return true;
  }

  private async alertNextOverdue(manager: EntityManager, now: Date): Promise<boolean> {
    const run = await this.claimRun(manager, `requested_at < $1 AND overdue_alerted_at IS NULL`, new Date(now.getTime() - this.overdueMs));
    if (!run) {
      return false;
    }
    await manager.update(RunEntity, { id: run.id }, { overdueAlertedAt: now });
    const hours = Math.floor((now.getTime() - run.requestedAt.getTime()) / HOUR_MS);
    await this.outbox.publish(manager, IntegrationAlert, {
      tenantId: run.tenantId,
      integrationId: run.integrationId,
      runId: run.id,
      payload: {
        kind: 'run_overdue',
        severity: 'warning',
        title: 'Zoom sync run has not completed within 24 hours',
        detail:
          `Run ${run.id} started ${run.requestedAt.toISOString()} and is still going after ${hours} hours ` +
          `(fetched ${run.fetched}, mapped ${run.mapped}). It is still making progress; check Zoom's and Oomnitza's rate limits.`,
        runId: run.id,
      },
    });
    return true;
  }

  private async alertNextStale(manager: EntityManager, now: Date): Promise<boolean> {
    const [due] = (await manager.query(
      `SELECT id FROM ${qualifiedTable(this.dataSource, IntegrationEntity)}
        WHERE status = 'active' AND stale_alerted_at IS NULL
          AND COALESCE(last_success_at, created_at) < $1::timestamptz - make_interval(hours => max_staleness_hours)
        LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    )) as { id: string }[];
    if (!due) {
      return false;
    }
    const integration = await manager.findOneByOrFail(IntegrationEntity, { id: due.id });
    await manager.update(IntegrationEntity, { id: integration.id }, { staleAlertedAt: now });
    await this.outbox.publish(manager, IntegrationAlert, {
      tenantId: integration.tenantId,
      integrationId: integration.id,
      payload: {
        kind: 'stale_data',
        severity: 'warning',
        title: `"${integration.name}" has not synced for over ${integration.maxStalenessHours} hours`,
        detail:
          (integration.lastSuccessAt
            ? `Its last completed run finished at ${integration.lastSuccessAt.toISOString()}`
            : 'It has never completed a run') +
          `, so Oomnitza may not show Zoom's current users. Check its recent runs (failed or skipped) and its schedule.`,
      },
    });
    return true;
  }

  /** One active run matching the condition ($1), locked for this transaction; replicas skip it meanwhile. */
  private async claimRun(manager: EntityManager, condition: string, bound: Date): Promise<RunEntity | undefined> {
    const [row] = (await manager.query(
      `SELECT id FROM ${qualifiedTable(this.dataSource, RunEntity)}
        WHERE status IN ('requested', 'running') AND ${condition}
        ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [bound],
    )) as { id: string }[];
    return row ? manager.findOneByOrFail(RunEntity, { id: row.id }) : undefined;
  }
}
