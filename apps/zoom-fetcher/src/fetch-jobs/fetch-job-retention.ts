import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { deleteInChunks, PeriodicPurge } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { FetchJobEntity } from './fetch-job.entity';

/**
 * Deletes fetch jobs that ended (completed or failed) more than FETCH_JOB_RETENTION_DAYS ago. A
 * job is what makes a redelivered run request change nothing: keep it longer than the topics keep
 * their messages.
 */
@Injectable()
export class FetchJobRetention extends PeriodicPurge {
  private readonly days: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<ZoomFetcherEnvironment, true>,
    logger: AppLogger,
  ) {
    super(logger.pino.child({ context: FetchJobRetention.name }), 'ended fetch jobs');
    this.days = config.get('FETCH_JOB_RETENTION_DAYS', { infer: true });
  }

  purge(): Promise<number> {
    const table = qualifiedTable(this.dataSource, FetchJobEntity);
    return deleteInChunks(
      this.dataSource,
      `DELETE FROM ${table} WHERE run_id IN (
         SELECT run_id FROM ${table} WHERE status IN ('completed', 'failed') AND finished_at < now() - make_interval(days => $1)
          LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      this.days,
    );
  }
}
