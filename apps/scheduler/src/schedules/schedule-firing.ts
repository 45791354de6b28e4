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
import { RunEntity } from '../runs/run.entity';
import { RunsService } from '../runs/runs.service';
import { SchedulerEnvironment } from '../scheduler.environment';
import { ScheduleRules } from './schedule-rules';

type SlotOutcome = 'started' | 'skipped_active_run' | 'scheduled';

/**
 * Fires due schedules, exactly once across replicas: the integration is claimed (FOR UPDATE SKIP
 * LOCKED) in the transaction that starts its run, publishes the request and moves the schedule to
 * its next slot after now, so slots missed while no scheduler ran fire once, not once each.
 */
@Injectable()
export class ScheduleFiring {
  private readonly log: Logger;
  private readonly toleranceMs: number;
  private readonly slots: Counter<'outcome'>;
  private readonly late: Counter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: RunsService,
    private readonly rules: ScheduleRules,
    private readonly outbox: OutboxService,
    metrics: MetricsService,
    config: ConfigService<SchedulerEnvironment, true>,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: ScheduleFiring.name });
    this.toleranceMs = config.get('SCHEDULE_MISSED_TOLERANCE_MINUTES', { infer: true }) * 60_000;
    this.slots = metrics.counter('scheduler_schedule_slots_total', 'Schedule slots reached, by what they did', ['outcome']);
    this.late = metrics.counter(
      'scheduler_schedule_slots_late_total',
      'Schedule slots reached later than SCHEDULE_MISSED_TOLERANCE_MINUTES',
    );
  }

  /** Handles every schedule due at `now` once; how many it handled. */
  async fireDue(now: Date): Promise<number> {
    const handled: string[] = [];
    for (;;) {
      const integrationId = await this.dataSource.transaction((manager) => this.fireNext(manager, now, handled));
      if (!integrationId) {
        return handled.length;
      }
      handled.push(integrationId);
    }
  }

  private async fireNext(manager: EntityManager, now: Date, handled: string[]): Promise<string | undefined> {
    const [due] = (await manager.query(
      `SELECT id FROM ${qualifiedTable(this.dataSource, IntegrationEntity)}
        WHERE status = 'active' AND (next_run_at IS NULL OR next_run_at <= $1) AND id <> ALL($2::uuid[])
        ORDER BY next_run_at NULLS FIRST LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now, handled],
    )) as { id: string }[];
    if (!due) {
      return undefined;
    }
    const integration = await manager.findOneByOrFail(IntegrationEntity, { id: due.id });
    const slot = integration.nextRunAt;
    let outcome: SlotOutcome = 'scheduled';
    let run: RunEntity | undefined;
    // An integration scheduled before it had a next slot (made before schedules existed) is only scheduled.
    if (slot) {
      const active = await this.runs.activeRun(manager, integration.id);
      run = active ? undefined : await this.runs.startRun(manager, integration, 'schedule');
      outcome = run ? 'started' : 'skipped_active_run';
      if (now.getTime() - slot.getTime() > this.toleranceMs) {
        await this.raiseMissed(manager, integration, slot, now, run);
      }
    }
    const next = this.rules.nextRunAt(integration, now);
    await manager.query(
      `UPDATE ${qualifiedTable(this.dataSource, IntegrationEntity)}
          SET next_run_at = $2, scheduled_runs_skipped = scheduled_runs_skipped + $3 WHERE id = $1`,
      [integration.id, next, outcome === 'skipped_active_run' ? 1 : 0],
    );
    this.slots.inc({ outcome });
    this.log.info({ integrationId: integration.id, slot, outcome, runId: run?.id, nextRunAt: next }, 'schedule slot reached');
    return integration.id;
  }

  private async raiseMissed(manager: EntityManager, integration: IntegrationEntity, slot: Date, now: Date, run: RunEntity | undefined) {
    this.late.inc();
    const minutes = Math.round((now.getTime() - slot.getTime()) / 60_000);
    await this.outbox.publish(manager, IntegrationAlert, {
      tenantId: integration.tenantId,
      integrationId: integration.id,
      runId: run?.id,
      payload: {
        kind: 'scheduled_run_missed',
        severity: 'warning',
        title: `The scheduled run of "${integration.name}" did not start on time`,
        detail:
          `The run scheduled for ${slot.toISOString()} could not start then (no scheduler was running) and ` +
          (run ? `started ${minutes} minutes late, as run ${run.id}.` : `was skipped ${minutes} minutes late: a run was still under way.`) +
          ' Slots missed meanwhile were not run one by one. If this repeats, check that the scheduler service is up.',
        runId: run?.id,
      },
    });
  }
}
