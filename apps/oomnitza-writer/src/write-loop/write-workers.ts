import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotifiedWorkers } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, qualifiedTable, schemaOf } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { OomnitzaWriterEnvironment } from '../oomnitza-writer.environment';
import { PendingRecordEntity } from '../pending-records/pending-record.entity';
import { pendingRecordsChannelOf } from '../pending-records/pending-records-channel';
import { WriterMetrics } from '../writer-metrics/writer-metrics';
import { WriteTurn } from './write-turn';

const BACKLOG_REFRESH_MS = 10_000;

/**
 * WRITE_CONCURRENCY workers per replica, each taking turns (one integration, one batch) until none
 * is due, then sleeping until the next one is, or until a consumer announces new records (NOTIFY).
 * A turn that leaves nothing else due wakes no other worker.
 */
@Injectable()
export class WriteWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log: Logger;
  private readonly workers: NotifiedWorkers;
  private backlogTimer?: NodeJS.Timeout;

  constructor(
    turn: WriteTurn,
    private readonly metrics: WriterMetrics,
    config: ConfigService<OomnitzaWriterEnvironment, true>,
    @InjectDataSource() private readonly dataSource: DataSource,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: WriteWorkers.name });
    this.workers = new NotifiedWorkers(dataSource, {
      channel: pendingRecordsChannelOf(schemaOf(dataSource, PendingRecordEntity)),
      workers: config.get('WRITE_CONCURRENCY', { infer: true }),
      workOnce: () => turn.take(),
      log: this.log,
    });
  }

  onApplicationBootstrap(): void {
    this.workers.start();
    this.backlogTimer = setInterval(() => void this.refreshBacklog(), BACKLOG_REFRESH_MS);
    this.backlogTimer.unref();
    void this.refreshBacklog();
  }

  /** Lets each worker finish (and commit) the turn it is in, then stops. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.backlogTimer);
    await this.workers.stop();
  }

  private async refreshBacklog(): Promise<void> {
    try {
      const [{ pending }] = (await this.dataSource.query(
        `SELECT count(*)::int AS pending FROM ${qualifiedTable(this.dataSource, PendingRecordEntity)} WHERE NOT ends_run AND hold_id IS NULL`,
      )) as { pending: number }[];
      this.metrics.pendingRecords.set(pending);
    } catch (error) {
      this.log.warn({ err: error }, 'could not count pending records');
    }
  }
}
