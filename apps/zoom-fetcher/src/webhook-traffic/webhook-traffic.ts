import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventLoopLoad, MetricsService, Pause, PauseInterrupted, Waiting } from '@zoom-oomnitza-sync/platform';
import { Counter } from 'prom-client';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';

/** Deliveries this recent mean webhooks are arriving. */
const ARRIVING_WITHIN_MS = 1000;

/**
 * Webhooks first: Zoom gives a delivery 3 s to be answered, a full sync has hours. While
 * deliveries arrive, each fetch waits FULL_SYNC_WEBHOOK_YIELD_MS before its next page, and again
 * while the replica's event loop stayed busier than FULL_SYNC_WEBHOOK_LOOP_BUSY_PERCENT over the
 * last wait, up to FULL_SYNC_WEBHOOK_MAX_WAIT_MS: a saturated thread (or a thread waiting for a
 * core on a saturated machine) leaves deliveries unanswered in the listen queue while pages go
 * through. Without webhooks a full sync pages at full speed.
 */
@Injectable()
export class WebhookTraffic {
  private readonly yieldMs: number;
  private readonly busyShare: number;
  private readonly maxWaitMs: number;
  private readonly waited: Counter;
  private lastDeliveryAt = Number.NEGATIVE_INFINITY;

  constructor(
    config: ConfigService<ZoomFetcherEnvironment, true>,
    @Inject(Pause) private readonly pause: Waiting,
    private readonly loop: EventLoopLoad,
    metrics: MetricsService,
  ) {
    this.yieldMs = config.get('FULL_SYNC_WEBHOOK_YIELD_MS', { infer: true });
    this.busyShare = config.get('FULL_SYNC_WEBHOOK_LOOP_BUSY_PERCENT', { infer: true }) / 100;
    this.maxWaitMs = config.get('FULL_SYNC_WEBHOOK_MAX_WAIT_MS', { infer: true });
    this.waited = metrics.counter(
      'zoom_full_sync_webhook_wait_seconds_total',
      'Time full-sync fetches waited before pages, giving way to webhook deliveries',
    );
  }

  delivered(): void {
    this.lastDeliveryAt = Date.now();
  }

  /** Resolves when the next page may be fetched; a wait cut short by shutdown too, so the fetch can hand its job back. */
  async beforePage(): Promise<void> {
    let waitedMs = 0;
    while (this.yieldMs > 0 && waitedMs < this.maxWaitMs && this.arriving()) {
      const busy = this.loop.measure();
      const stepMs = Math.min(this.yieldMs, this.maxWaitMs - waitedMs);
      const interrupted = await this.pause.for(stepMs).then(
        () => false,
        (error: unknown) => {
          if (error instanceof PauseInterrupted) {
            return true;
          }
          throw error;
        },
      );
      waitedMs += stepMs;
      if (interrupted || busy() <= this.busyShare) {
        break;
      }
    }
    this.waited.inc(waitedMs / 1000);
  }

  private arriving(): boolean {
    return Date.now() - this.lastDeliveryAt < ARRIVING_WITHIN_MS;
  }
}
