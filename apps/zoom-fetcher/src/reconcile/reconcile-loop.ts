import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger, PollingLoop } from '@zoom-oomnitza-sync/platform';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { ReconcileChecker } from './reconcile-checker';
import { ReconcileSchedule } from './reconcile-schedule';

/** How often an idle loop looks for a due reconcile: one cheap query. */
const POLL_MS = 1_000;

/** ZOOM_RECONCILE_WORKERS loops per replica, each reconciling the next due integration. */
@Injectable()
export class ReconcileLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;

  constructor(
    schedule: ReconcileSchedule,
    checker: ReconcileChecker,
    config: ConfigService<ZoomFetcherEnvironment, true>,
    logger: AppLogger,
  ) {
    this.loop = new PollingLoop({
      everyMs: POLL_MS,
      workers: config.get('ZOOM_RECONCILE_WORKERS', { infer: true }),
      work: async () => {
        const due = await schedule.claimDue();
        if (due) {
          await checker.check(due);
        }
        return due !== undefined;
      },
      log: logger.pino.child({ context: ReconcileLoop.name }),
      what: 'reconcile loop',
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }
}
