import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Doorbell, listenerConnectionOf, NotificationListener } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, qualifiedTable, schemaOf } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { OomnitzaWriterEnvironment } from '../oomnitza-writer.environment';
import { PendingRecordEntity } from '../pending-records/pending-record.entity';
import { pendingRecordsChannelOf } from '../pending-records/pending-records-channel';
import { WriteQueues } from '../pending-records/write-queues';
import { Clock } from '../timing/clock';
import { WriterMetrics } from '../writer-metrics/writer-metrics';
import { WriteTurn } from './write-turn';

/** The longest an idle worker sleeps: it also covers a NOTIFY missed while the LISTEN connection was down. */
const IDLE_POLL_MS = 1_000;
/** The shortest: an integration due but locked for a moment (a consumer adding to it) is not polled in a tight loop. */
const MIN_SLEEP_MS = 10;
const BACKLOG_REFRESH_MS = 10_000;

/**
 * WRITE_CONCURRENCY workers per replica, each taking turns (one integration, one batch) until none
 * is due, then sleeping until the next one is, or until a consumer announces new records (NOTIFY).
 */
@Injectable()
export class WriteWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: Logger;
  private readonly doorbell = new Doorbell();
  private readonly loops: Promise<void>[] = [];
  private listener?: NotificationListener;
  private backlogTimer?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    private readonly turn: WriteTurn,
    private readonly queues: WriteQueues,
    private readonly clock: Clock,
    private readonly metrics: WriterMetrics,
    private readonly config: ConfigService<OomnitzaWriterEnvironment, true>,
    @InjectDataSource() private readonly dataSource: DataSource,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: WriteWorkers.name });
  }

  onApplicationBootstrap(): void {
    const channel = pendingRecordsChannelOf(schemaOf(this.dataSource, PendingRecordEntity));
    this.listener = new NotificationListener(listenerConnectionOf(this.dataSource), channel, () => this.doorbell.ring(), this.log);
    void this.listener.start();
    for (let worker = 0; worker < this.config.get('WRITE_CONCURRENCY', { infer: true }); worker += 1) {
      this.loops.push(this.work());
    }
    this.backlogTimer = setInterval(() => void this.refreshBacklog(), BACKLOG_REFRESH_MS);
    this.backlogTimer.unref();
    void this.refreshBacklog();
  }

  /** Lets each worker finish (and commit) the turn it is in, then stops. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.backlogTimer);
    this.doorbell.ring();
    await Promise.all(this.loops.splice(0));
    await this.listener?.stop();
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      const heard = this.doorbell.heard;
      try {
        if (!(await this.turn.take())) {
          const untilDue = await this.queues.msUntilNextDue(this.clock.now());
          await this.doorbell.sleep(Math.max(MIN_SLEEP_MS, Math.min(untilDue ?? IDLE_POLL_MS, IDLE_POLL_MS)), heard);
        }
      } catch (error) {
        this.log.error({ err: error }, 'write loop error');
        await this.doorbell.sleep(IDLE_POLL_MS, heard);
      }
    }
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
