import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from 'pino';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { ReconcileChecker } from './reconcile-checker';
import { ReconcileSchedule } from './reconcile-schedule';

/** How often an idle loop looks for a due reconcile: one cheap query. */
const POLL_MS = 1_000;

/** ZOOM_RECONCILE_WORKERS loops per replica, each reconciling the next due integration. */
@Injectable()
export class ReconcileLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: Logger;
  private readonly stop = new AbortController();
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly schedule: ReconcileSchedule,
    private readonly checker: ReconcileChecker,
    private readonly config: ConfigService<ZoomFetcherEnvironment, true>,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: ReconcileLoop.name });
  }

  onApplicationBootstrap(): void {
    for (let loop = 0; loop < this.config.get('ZOOM_RECONCILE_WORKERS', { infer: true }); loop += 1) {
      this.loops.push(this.work());
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await Promise.all(this.loops);
  }

  private async work(): Promise<void> {
    while (!this.stop.signal.aborted) {
      try {
        const due = await this.schedule.claimDue();
        if (due) {
          await this.checker.check(due);
          continue;
        }
      } catch (error) {
        this.log.error({ err: error }, 'reconcile loop error');
      }
      await sleep(POLL_MS, undefined, { signal: this.stop.signal }).catch(() => undefined);
    }
  }
}
