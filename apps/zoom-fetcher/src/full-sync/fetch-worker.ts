import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger, PollingLoop } from '@zoom-oomnitza-sync/platform';
import { FetchJobStore } from '../fetch-jobs/fetch-job.store';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { FullSyncRunner } from './full-sync.runner';

const IDLE_POLL_MS = 250;

/**
 * FETCH_CONCURRENCY loops per replica, each claiming a due fetch job (tenants take turns) and
 * running it. Jobs are claimed with a lease, so replicas share the work and take over each
 * other's after a crash.
 */
@Injectable()
export class FetchWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;

  constructor(
    store: FetchJobStore,
    private readonly runner: FullSyncRunner,
    config: ConfigService<ZoomFetcherEnvironment, true>,
    logger: AppLogger,
  ) {
    const tenantConcurrency = config.get('FETCH_TENANT_CONCURRENCY', { infer: true });
    this.loop = new PollingLoop({
      everyMs: IDLE_POLL_MS,
      workers: config.get('FETCH_CONCURRENCY', { infer: true }),
      work: async () => {
        const job = await store.claim(runner.leaseDurationSeconds, tenantConcurrency);
        if (job) {
          await runner.run(job);
        }
        return job !== undefined;
      },
      log: logger.pino.child({ context: FetchWorker.name }),
      what: 'fetch loop',
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** Fetches stop after their current page and hand their jobs back. */
  async onModuleDestroy(): Promise<void> {
    this.runner.stop();
    await this.loop.stop();
  }
}
