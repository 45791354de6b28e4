import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Doorbell, listenerConnectionOf, NotificationListener } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, schemaOf } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { userReadsChannelOf } from './user-read-queue';
import { UserReadEntity } from './user-read.entity';
import { UserReader } from './user-reader';

/** The longest an idle loop sleeps: it also covers a NOTIFY missed while the LISTEN connection was down. */
const IDLE_POLL_MS = 1_000;

/**
 * ZOOM_USER_READ_CONCURRENCY loops per replica, each performing the next due user read, woken by
 * the NOTIFY of the webhook that queued it. Reads are claimed with a lease, so replicas share them
 * and take over each other's after a crash.
 */
@Injectable()
export class UserReadWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: Logger;
  private readonly loops: Promise<void>[] = [];
  private readonly doorbell = new Doorbell();
  private listener?: NotificationListener;
  private stopping = false;

  constructor(
    private readonly reader: UserReader,
    private readonly config: ConfigService<ZoomFetcherEnvironment, true>,
    @InjectDataSource() private readonly dataSource: DataSource,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: UserReadWorker.name });
  }

  onApplicationBootstrap(): void {
    const concurrency = this.config.get('ZOOM_USER_READ_CONCURRENCY', { infer: true });
    if (concurrency === 0) {
      return;
    }
    const channel = userReadsChannelOf(schemaOf(this.dataSource, UserReadEntity));
    this.listener = new NotificationListener(listenerConnectionOf(this.dataSource), channel, () => this.doorbell.ring(), this.log);
    void this.listener.start();
    for (let loop = 0; loop < concurrency; loop += 1) {
      this.loops.push(this.work());
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.doorbell.ring();
    await Promise.all(this.loops);
    await this.listener?.stop();
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      const heard = this.doorbell.heard;
      try {
        if (!(await this.reader.readNext())) {
          await this.doorbell.sleep(IDLE_POLL_MS, heard);
        }
      } catch (error) {
        this.log.error({ err: error }, 'user read loop error');
        await this.doorbell.sleep(IDLE_POLL_MS, heard);
      }
    }
  }
}
