import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotifiedWorkers } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, schemaOf } from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { DryRunComparer } from './dry-run-comparer';
import { dryRunChannelOf } from './dry-run-store';
import { DryRunUserEntity } from './dry-run-user.entity';

/** One worker per replica compares dry runs, woken when a consumer keeps a dry run's records. */
@Injectable()
export class DryRunWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly workers: NotifiedWorkers;

  constructor(comparer: DryRunComparer, @InjectDataSource() dataSource: DataSource, logger: AppLogger) {
    this.workers = new NotifiedWorkers(dataSource, {
      channel: dryRunChannelOf(schemaOf(dataSource, DryRunUserEntity)),
      workers: 1,
      workOnce: () => comparer.compareNext(),
      log: logger.pino.child({ context: DryRunWorkers.name }),
    });
  }

  onApplicationBootstrap(): void {
    this.workers.start();
  }

  /** Lets the worker finish (and commit) the batch it compares, then stops. */
  onModuleDestroy(): Promise<void> {
    return this.workers.stop();
  }
}
