import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PeriodicTask } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, qualifiedTable, schemaOf } from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { WriterMetrics } from '../writer-metrics/writer-metrics';
import { PendingRecordEntity } from './pending-record.entity';

const CHECK_EVERY_MS = 5000;
/** Rows changed since the last ANALYZE, or dead since the last VACUUM, that call for one: this many at least, */
const MIN_ROWS = 1000;
/** and at least this share of the rows counted then. */
const SHARE_OF_ROWS = 0.2;

/** What one look at the table did. */
export interface QueueUpkeepRound {
  analyzed: boolean;
  vacuumed: boolean;
}

/**
 * Keeps pending_records fast to read, as autovacuum would if it were on and looked often enough.
 * The table is a queue: a full sync fills it with 100,000 records in a minute while the write loop
 * drains it, and autovacuum looks at most once a minute. Planned on statistics from when the queue
 * was small, reading an integration's head batch read the whole queue and sorted it, twice per
 * batch; and every record written and deleted leaves a dead entry in the queue's indexes, at the
 * low end where every head read starts. So every few seconds each replica checks the table, and
 * analyzes it when more than a fifth of it changed since it was last analyzed, and vacuums it when
 * more than a fifth of it died since it was last vacuumed (at least 1,000 rows each).
 */
@Injectable()
export class QueueUpkeep extends PeriodicTask {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: WriterMetrics,
    logger: AppLogger,
  ) {
    super(logger.pino.child({ context: QueueUpkeep.name }), CHECK_EVERY_MS, 'could not keep pending_records up');
  }

  /** Vacuums and analyzes the table where it needs it. */
  async refresh(): Promise<QueueUpkeepRound> {
    const [due] = (await this.dataSource.query(
      `SELECT stats.n_mod_since_analyze >= GREATEST($3::float8, $4 * GREATEST(class.reltuples, 0)) AS analyze,
              stats.n_dead_tup >= GREATEST($3::float8, $4 * GREATEST(class.reltuples, 0)) AS vacuum
         FROM pg_stat_user_tables stats JOIN pg_class class ON class.oid = stats.relid
        WHERE stats.schemaname = $1 AND stats.relname = $2`,
      [schemaOf(this.dataSource, PendingRecordEntity), this.dataSource.getMetadata(PendingRecordEntity).tableName, MIN_ROWS, SHARE_OF_ROWS],
    )) as { analyze: boolean; vacuum: boolean }[];
    const round = { analyzed: due?.analyze === true, vacuumed: due?.vacuum === true };
    if (!round.analyzed && !round.vacuumed) {
      return round;
    }
    const command = round.vacuumed ? (round.analyzed ? 'VACUUM ANALYZE' : 'VACUUM') : 'ANALYZE';
    await this.dataSource.query(`${command} ${qualifiedTable(this.dataSource, PendingRecordEntity)}`);
    if (round.analyzed) {
      this.metrics.queueAnalyzed.inc();
    }
    if (round.vacuumed) {
      this.metrics.queueVacuumed.inc();
    }
    this.log.debug(round, `${command} pending_records`);
    return round;
  }

  protected async round(): Promise<void> {
    await this.refresh();
  }
}
