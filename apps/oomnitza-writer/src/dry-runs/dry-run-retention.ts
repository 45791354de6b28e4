import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { deleteInChunks, PeriodicPurge } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { OomnitzaWriterEnvironment } from '../oomnitza-writer.environment';
import { DryRunUserEntity } from './dry-run-user.entity';
import { DryRunEntity } from './dry-run.entity';

/**
 * Deletes dry runs made more than DRY_RUN_RETENTION_DAYS ago: their users first, a chunk per
 * transaction (a dry run of 100,000 users is never one long delete), then the runs left empty.
 */
@Injectable()
export class DryRunRetention extends PeriodicPurge {
  private readonly days: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<OomnitzaWriterEnvironment, true>,
    logger: AppLogger,
  ) {
    super(logger.pino.child({ context: DryRunRetention.name }), 'dry runs');
    this.days = config.get('DRY_RUN_RETENTION_DAYS', { infer: true });
  }

  async purge(): Promise<number> {
    const runs = qualifiedTable(this.dataSource, DryRunEntity);
    const users = qualifiedTable(this.dataSource, DryRunUserEntity);
    const expired = `SELECT run_id FROM ${runs} WHERE created_at < now() - make_interval(days => $1)`;
    const usersDeleted = await deleteInChunks(
      this.dataSource,
      `DELETE FROM ${users} WHERE id IN (SELECT id FROM ${users} WHERE run_id IN (${expired}) LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      this.days,
    );
    const runsDeleted = await deleteInChunks(
      this.dataSource,
      `DELETE FROM ${runs} WHERE run_id IN (
         SELECT run_id FROM ${runs} run WHERE run_id IN (${expired})
            AND NOT EXISTS (SELECT 1 FROM ${users} left_over WHERE left_over.run_id = run.run_id)
          LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      this.days,
    );
    return usersDeleted + runsDeleted;
  }
}
