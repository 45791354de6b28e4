import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Pause, PauseInterrupted, Waiting } from '@zoom-oomnitza-sync/platform';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';

/** Deliveries this recent mean webhooks are arriving. */
const ARRIVING_WITHIN_MS = 1000;

/**
 * Webhooks first: Zoom gives a delivery 3 s to be answered, a full sync has hours. While
 * deliveries arrive, each fetch waits FULL_SYNC_WEBHOOK_YIELD_MS before its next page, leaving this
 * replica's share of the CPU to them; without webhooks a full sync pages at full speed.
 */
@Injectable()
export class WebhookTraffic {
  private readonly yieldMs: number;
  private lastDeliveryAt = Number.NEGATIVE_INFINITY;

  constructor(
    config: ConfigService<ZoomFetcherEnvironment, true>,
    @Inject(Pause) private readonly pause: Waiting,
  ) {
    this.yieldMs = config.get('FULL_SYNC_WEBHOOK_YIELD_MS', { infer: true });
  }

  delivered(): void {
    this.lastDeliveryAt = Date.now();
  }

  /** Resolves when the next page may be fetched; a wait cut short by shutdown too, so the fetch can hand its job back. */
  async beforePage(): Promise<void> {
    if (this.yieldMs > 0 && Date.now() - this.lastDeliveryAt < ARRIVING_WITHIN_MS) {
      await this.pause.for(this.yieldMs).catch((error: unknown) => {
        if (!(error instanceof PauseInterrupted)) {
          throw error;
        }
      });
    }
  }
}
