import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { UserReader } from './user-reader';

const IDLE_POLL_MS = 250;

/**
 * ZOOM_USER_READ_CONCURRENCY loops per replica, each performing the next due user read. Reads are
 * claimed with a lease, so replicas share them and take over each other's after a crash.
 */
@Injectable()
export class UserReadWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: Logger;
  private readonly loops: Promise<void>[] = [];
  private stopping = false;

  constructor(
    private readonly reader: UserReader,
    private readonly config: ConfigService<ZoomFetcherEnvironment, true>,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: UserReadWorker.name });
  }

  onApplicationBootstrap(): void {
    const concurrency = this.config.get('ZOOM_USER_READ_CONCURRENCY', { infer: true });
    for (let loop = 0; loop < concurrency; loop += 1) {
      this.loops.push(this.work());
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  private async work(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!(await this.reader.readNext())) {
          await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
        }
      } catch (error) {
        this.log.error({ err: error }, 'user read loop error');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
}
