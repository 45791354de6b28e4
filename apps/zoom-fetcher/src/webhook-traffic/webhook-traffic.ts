import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventLoopLoad, MetricsService, Pause, PauseInterrupted, Waiting } from '@zoom-oomnitza-sync/platform';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';

/** Deliveries this recent mean webhooks are arriving. */
const ARRIVING_WITHIN_MS = 1000;

/** Where the seconds of a wait are counted. */
interface SecondsWaited {
  inc(seconds: number): void;
}

/** One way of giving way: a step at a time while the loop is busier than busyShare, up to maxWaitMs, counted in `waited`. */
interface GivingWay {
  stepMs: number;
  busyShare: number;
  maxWaitMs: number;
  waited: SecondsWaited;
}

/**
 * Webhooks first: Zoom gives a delivery 3 s to be answered; a full sync has hours, and what a
 * delivery causes downstream can wait a moment too. A saturated thread (or a thread waiting for a
 * core on a saturated machine) leaves deliveries unanswered in the listen queue, so while they
 * arrive:
 * - each full-sync fetch waits FULL_SYNC_WEBHOOK_YIELD_MS before its next page, and again while the
 *   replica's event loop stayed busier than FULL_SYNC_WEBHOOK_LOOP_BUSY_PERCENT over the last wait,
 *   up to FULL_SYNC_WEBHOOK_MAX_WAIT_MS;
 * - the outbox relay begins its cycles at least WEBHOOK_RELAY_LINGER_MS apart, and holds one back
 *   while the loop was busier than WEBHOOK_RELAY_LOOP_BUSY_PERCENT over the last
 *   WEBHOOK_RELAY_STEP_MS (at least; since its last cycle when that began longer ago),
 *   WEBHOOK_RELAY_STEP_MS at a time, up to WEBHOOK_RELAY_MAX_WAIT_MS. The services downstream then
 *   get fewer, larger batches: on a machine they share, the cores come back to the deliveries.
 * Without webhooks neither waits.
 */
@Injectable()
export class WebhookTraffic {
  private readonly fullSync: GivingWay;
  private readonly relay: GivingWay;
  private readonly relayLinger: { ms: number; waited: SecondsWaited };
  private lastDeliveryAt = Number.NEGATIVE_INFINITY;
  /** When the relay's recent cycles began, each with the loop's load since: the last step's and the newest before it. */
  private readonly relayCycleStarts: { at: number; loadSince: () => number }[] = [];

  constructor(
    config: ConfigService<ZoomFetcherEnvironment, true>,
    @Inject(Pause) private readonly pause: Waiting,
    private readonly loop: EventLoopLoad,
    metrics: MetricsService,
  ) {
    this.fullSync = {
      stepMs: config.get('FULL_SYNC_WEBHOOK_YIELD_MS', { infer: true }),
      busyShare: config.get('FULL_SYNC_WEBHOOK_LOOP_BUSY_PERCENT', { infer: true }) / 100,
      maxWaitMs: config.get('FULL_SYNC_WEBHOOK_MAX_WAIT_MS', { infer: true }),
      waited: metrics.counter(
        'zoom_full_sync_webhook_wait_seconds_total',
        'Time full-sync fetches waited before pages, giving way to webhook deliveries',
      ),
    };
    const relayWaited = metrics.counter(
      'zoom_outbox_relay_webhook_wait_seconds_total',
      'Time the outbox relay held publishing back while webhook deliveries arrive: lingering between cycles, or giving way to a busy event loop',
      ['reason'],
    );
    this.relay = {
      stepMs: config.get('WEBHOOK_RELAY_STEP_MS', { infer: true }),
      busyShare: config.get('WEBHOOK_RELAY_LOOP_BUSY_PERCENT', { infer: true }) / 100,
      maxWaitMs: config.get('WEBHOOK_RELAY_MAX_WAIT_MS', { infer: true }),
      waited: relayWaited.labels({ reason: 'busy_loop' }),
    };
    this.relayLinger = {
      ms: config.get('WEBHOOK_RELAY_LINGER_MS', { infer: true }),
      waited: relayWaited.labels({ reason: 'linger' }),
    };
  }

  delivered(): void {
    this.lastDeliveryAt = Date.now();
  }

  /** Resolves when the next page may be fetched; a wait cut short by shutdown too, so the fetch can hand its job back. */
  beforePage(): Promise<void> {
    // The first yield is unconditional: how busy the loop is decides only whether to wait again.
    return this.giveWay(this.fullSync, Number.POSITIVE_INFINITY);
  }

  /** Resolves when the outbox relay may publish; at once on its first cycle, which has nothing to measure since. */
  async beforeRelayCycle(): Promise<void> {
    await this.lingerAfterLastRelayCycle();
    await this.giveWay(this.relay, this.loadOverLastRelayStep());
    this.relayCycleStarts.push({ at: Date.now(), loadSince: this.loop.measure() });
  }

  /**
   * While deliveries arrive, cycles begin at least WEBHOOK_RELAY_LINGER_MS apart: each delivery
   * rings the relay, and one message a cycle costs the broker, the mapper and the writer a batch
   * each per event.
   */
  private async lingerAfterLastRelayCycle(): Promise<void> {
    const last = this.relayCycleStarts.at(-1);
    const remainingMs = last ? this.relayLinger.ms - (Date.now() - last.at) : 0;
    if (remainingMs > 0 && this.arriving()) {
      await this.rest(remainingMs);
      this.relayLinger.waited.inc(remainingMs / 1000);
    }
  }

  /**
   * The loop's load since the newest relay cycle that began at least a step ago (or since the
   * first cycle). While deliveries arrive the relay cycles every few milliseconds, and a window that
   * short reads fully busy whenever it caught one delivery, however idle the replica was.
   */
  private loadOverLastRelayStep(): number {
    const now = Date.now();
    const starts = this.relayCycleStarts;
    while (starts.length > 1 && now - starts[1].at >= this.relay.stepMs) {
      starts.shift();
    }
    return starts[0]?.loadSince() ?? 0;
  }

  /**
   * Waits a step at a time while deliveries arrive and the loop was busier than the way allows
   * (`busy` before the first step), up to its longest wait or shutdown.
   */
  private async giveWay(way: GivingWay, busy: number): Promise<void> {
    let waitedMs = 0;
    while (way.stepMs > 0 && waitedMs < way.maxWaitMs && busy > way.busyShare && this.arriving()) {
      const measured = this.loop.measure();
      const step = Math.min(way.stepMs, way.maxWaitMs - waitedMs);
      const interrupted = await this.rest(step);
      waitedMs += step;
      if (interrupted) {
        break;
      }
      busy = measured();
    }
    way.waited.inc(waitedMs / 1000);
  }

  /** Resolves true when shutdown cut the rest short. */
  private rest(ms: number): Promise<boolean> {
    return this.pause.for(ms).then(
      () => false,
      (error: unknown) => {
        if (error instanceof PauseInterrupted) {
          return true;
        }
        throw error;
      },
    );
  }

  private arriving(): boolean {
    return Date.now() - this.lastDeliveryAt < ARRIVING_WITHIN_MS;
  }
}
