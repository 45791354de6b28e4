import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { deleteInChunks, PeriodicPurge } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { RunErrorEntity } from '../runs/run-error.entity';
import { RunEntity } from '../runs/run.entity';
import { SchedulerEnvironment } from '../scheduler.environment';

/**
 * Deletes the per-record errors of runs that ended more than RUN_ERROR_RETENTION_DAYS ago, and
 * the runs that ended more than RUN_RETENTION_DAYS ago (their errors with them), but never an
 * integration's latest run: what it shows as its last result stays.
 */
@Injectable()
export class RunRetention extends PeriodicPurge {
  private readonly runDays: number;
  private readonly errorDays: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<SchedulerEnvironment, true>,
    logger: AppLogger,
  ) {
    super(logger.pino.child({ context: RunRetention.name }), 'old runs and run errors');
    this.runDays = config.get('RUN_RETENTION_DAYS', { infer: true });
    this.errorDays = config.get('RUN_ERROR_RETENTION_DAYS', { infer: true });
  }

  async purge(): Promise<number> {
    const runs = qualifiedTable(this.dataSource, RunEntity);
    const errors = qualifiedTable(this.dataSource, RunErrorEntity);
    const errorsGone = await deleteInChunks(
      this.dataSource,
      `DELETE FROM ${errors} WHERE id IN (
         SELECT error.id FROM ${errors} error JOIN ${runs} run ON run.id = error.run_id
          WHERE run.finished_at < now() - make_interval(days => $1) LIMIT $2 FOR UPDATE OF error SKIP LOCKED)`,
      this.errorDays,
    );
    const runsGone = await deleteInChunks(
      this.dataSource,
      `DELETE FROM ${runs} WHERE id IN (
         SELECT run.id FROM ${runs} run
          WHERE run.status IN ('completed', 'failed') AND run.finished_at < now() - make_interval(days => $1)
            AND run.id <> (SELECT latest.id FROM ${runs} latest WHERE latest.integration_id = run.integration_id
                            ORDER BY latest.requested_at DESC LIMIT 1)
          LIMIT $2 FOR UPDATE OF run SKIP LOCKED)`,
      this.runDays,
    );
    return errorsGone + runsGone;
  }
}
