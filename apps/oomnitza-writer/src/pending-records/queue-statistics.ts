import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PeriodicTask } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, qualifiedTable, schemaOf } from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { WriterMetrics } from '../writer-metrics/writer-metrics';
import { PendingRecordEntity } from './pending-record.entity';

const CHECK_EVERY_MS = 5000;
/** Rows changed since the last ANALYZE that make its picture stale: this many at least, */
const MIN_CHANGED_ROWS = 1000;
/** and at least this share of the rows it counted then. */
const CHANGED_SHARE = 0.2;

/**
 * Keeps PostgreSQL's statistics of pending_records current. The table is a queue: a full sync
 * fills it with 100,000 records in a minute while the write loop drains it, and autovacuum looks at
 * most once a minute, if it is on at all. Planned on statistics from when the queue was small,
 * reading an integration's head batch read the whole queue and sorted it, twice per batch. So every
 * few seconds each replica checks how much of the table changed since it was last analyzed, and
 * analyzes it when that is more than a fifth (at least 1,000 rows).
 */
@Injectable()
export class QueueStatistics extends PeriodicTask {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: WriterMetrics,
    logger: AppLogger,
  ) {
    super(logger.pino.child({ context: QueueStatistics.name }), CHECK_EVERY_MS, 'could not analyze pending_records');
  }

  /** Analyzes the table when its statistics are stale; true when it did. */
  async refresh(): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT stats.n_mod_since_analyze >= GREATEST($3::float8, $4 * GREATEST(class.reltuples, 0)) AS stale
         FROM pg_stat_user_tables stats JOIN pg_class class ON class.oid = stats.relid
        WHERE stats.schemaname = $1 AND stats.relname = $2`,
      [
        schemaOf(this.dataSource, PendingRecordEntity),
        this.dataSource.getMetadata(PendingRecordEntity).tableName,
        MIN_CHANGED_ROWS,
        CHANGED_SHARE,
      ],
    )) as { stale: boolean }[];
    if (rows[0]?.stale !== true) {
      return false;
    }
    await this.dataSource.query(`ANALYZE ${qualifiedTable(this.dataSource, PendingRecordEntity)}`);
    this.metrics.queueAnalyzed.inc();
    this.log.debug('analyzed pending_records');
    return true;
  }

  protected async round(): Promise<void> {
    await this.refresh();
  }
}
