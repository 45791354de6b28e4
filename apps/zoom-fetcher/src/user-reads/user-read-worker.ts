import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotifiedWorkers } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, schemaOf } from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { userReadsChannelOf } from './user-read-queue';
import { UserReadEntity } from './user-read.entity';
import { UserReader } from './user-reader';

/**
 * ZOOM_USER_READ_CONCURRENCY workers per replica, each performing the next due user read, woken
 * by the NOTIFY of the webhook that queued it. Reads are claimed with a lease, so replicas share
 * them and take over each other's after a crash.
 */
@Injectable()
export class UserReadWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly workers: NotifiedWorkers;

  constructor(
    reader: UserReader,
    config: ConfigService<ZoomFetcherEnvironment, true>,
    @InjectDataSource() dataSource: DataSource,
    logger: AppLogger,
  ) {
    this.workers = new NotifiedWorkers(dataSource, {
      channel: userReadsChannelOf(schemaOf(dataSource, UserReadEntity)),
      workers: config.get('ZOOM_USER_READ_CONCURRENCY', { infer: true }),
      workOnce: () => reader.readNext(),
      log: logger.pino.child({ context: UserReadWorker.name }),
    });
  }

  onApplicationBootstrap(): void {
    this.workers.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.workers.stop();
  }
}
