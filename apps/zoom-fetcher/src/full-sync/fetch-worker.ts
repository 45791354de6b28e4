import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { FetchJobStore } from '../fetch-jobs/fetch-job.store';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { FullSyncRunner } from './full-sync.runner';

const IDLE_POLL_MS = 250;

/**
 * FETCH_CONCURRENCY loops per replica, each claiming the oldest due fetch job and running it.
 * Jobs are claimed with a lease, so replicas share the work and take over each other's after a crash.
 */
@Injectable()
export class FetchWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: Logger;
  private readonly loops: Promise<void>[] = [];
  private stopping = false;

  constructor(
    private readonly store: FetchJobStore,
    private readonly runner: FullSyncRunner,
    private readonly config: ConfigService<ZoomFetcherEnvironment, true>,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: FetchWorker.name });
  }

  onApplicationBootstrap(): void {
    const concurrency = this.config.get('FETCH_CONCURRENCY', { infer: true });
    for (let loop = 0; loop < concurrency; loop += 1) {
      this.loops.push(this.work());
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.runner.stop();
    await Promise.all(this.loops);
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      try {
        const job = await this.store.claim(this.runner.leaseDurationSeconds, this.config.get('FETCH_TENANT_CONCURRENCY', { infer: true }));
        if (job) {
          await this.runner.run(job);
        } else {
          await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
        }
      } catch (error) {
        this.log.error({ err: error }, 'fetch loop error');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}
