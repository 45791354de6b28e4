import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { deleteInChunks, PeriodicPurge } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { OomnitzaWriterEnvironment } from '../oomnitza-writer.environment';
import { PortionEntity } from './portion.entity';

/**
 * Deletes closed portions (finalized or stopped) opened more than PORTION_RETENTION_DAYS ago. A
 * run's closed portion is what drops a batch of it delivered again: keep it longer than the topics
 * keep their messages.
 */
@Injectable()
export class PortionRetention extends PeriodicPurge {
  private readonly days: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<OomnitzaWriterEnvironment, true>,
    logger: AppLogger,
  ) {
    super(logger.pino.child({ context: PortionRetention.name }), 'closed portions');
    this.days = config.get('PORTION_RETENTION_DAYS', { infer: true });
  }

  purge(): Promise<number> {
    const table = qualifiedTable(this.dataSource, PortionEntity);
    return deleteInChunks(
      this.dataSource,
      `DELETE FROM ${table} WHERE portion_id IN (
         SELECT portion_id FROM ${table} WHERE status <> 'open' AND opened_at < now() - make_interval(days => $1)
          LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      this.days,
    );
  }
}
