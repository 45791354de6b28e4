import { ConfigService } from '@nestjs/config';
import { EventLoopLoad, MetricsService, Pause } from '@zoom-oomnitza-sync/platform';
import { RecordedPause } from '@zoom-oomnitza-sync/testing';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { WebhookTraffic } from './webhook-traffic';

/** An event loop that was this busy over each successive measurement (the last value repeats). */
class ScriptedLoad extends EventLoopLoad {
  measurements = 0;

  constructor(private readonly shares: number[]) {
    super();
  }

  override measure(): () => number {
    const share = this.shares[Math.min(this.measurements++, this.shares.length - 1)];
    return () => share;
  }
}

describe('WebhookTraffic: a full sync gives way to webhook deliveries', () => {
  const settings = (overrides: Partial<ZoomFetcherEnvironment>) =>
    new ConfigService<ZoomFetcherEnvironment, true>({
      ...new ZoomFetcherEnvironment(),
      FULL_SYNC_WEBHOOK_YIELD_MS: 250,
      FULL_SYNC_WEBHOOK_LOOP_BUSY_PERCENT: 75,
      FULL_SYNC_WEBHOOK_MAX_WAIT_MS: 5000,
      ...overrides,
    });
  const trafficWith = (overrides: Partial<ZoomFetcherEnvironment>, busyShares = [0.2]) => {
    const pause = new RecordedPause();
    const metrics = new MetricsService('zoom-fetcher-test');
    const traffic = new WebhookTraffic(settings(overrides), pause, new ScriptedLoad(busyShares), metrics);
    return { pause, traffic, metrics };
  };
  const secondsWaited = async (metrics: MetricsService) =>
    (await metrics.registry.getSingleMetric('zoom_full_sync_webhook_wait_seconds_total')?.get())?.values[0]?.value;

  afterEach(() => jest.restoreAllMocks());

  it('waits FULL_SYNC_WEBHOOK_YIELD_MS before a page while deliveries arrive and the replica has time to spare', async () => {
    const { pause, traffic, metrics } = trafficWith({ FULL_SYNC_WEBHOOK_YIELD_MS: 250 }, [0.5]);
    traffic.delivered();

    await traffic.beforePage();

    expect(pause.requestedMs).toEqual([250]);
    expect(await secondsWaited(metrics)).toBe(0.25);
  });

  it('waits again while the event loop stayed busier than FULL_SYNC_WEBHOOK_LOOP_BUSY_PERCENT', async () => {
    const { pause, traffic } = trafficWith({ FULL_SYNC_WEBHOOK_LOOP_BUSY_PERCENT: 75 }, [1, 0.9, 0.76, 0.75]);
    traffic.delivered();

    await traffic.beforePage();

    expect(pause.requestedMs).toEqual([250, 250, 250, 250]);
  });

  it('waits no longer than FULL_SYNC_WEBHOOK_MAX_WAIT_MS before one page, however busy the replica', async () => {
    const { pause, traffic, metrics } = trafficWith({ FULL_SYNC_WEBHOOK_MAX_WAIT_MS: 1100 }, [1]);
    traffic.delivered();

    await traffic.beforePage();

    expect(pause.requestedMs).toEqual([250, 250, 250, 250, 100]);
    expect(await secondsWaited(metrics)).toBeCloseTo(1.1);
  });

  it('stops waiting once deliveries have stopped arriving', async () => {
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now);
    const pause = new RecordedPause();
    const traffic = new WebhookTraffic(
      settings({}),
      {
        for: async (ms) => {
          await pause.for(ms);
          jest.spyOn(Date, 'now').mockReturnValue(now + 600 * pause.requestedMs.length);
        },
      },
      new ScriptedLoad([1]),
      new MetricsService('zoom-fetcher-test'),
    );
    traffic.delivered();

    await traffic.beforePage();

    expect(pause.requestedMs).toEqual([250, 250]);
  });

  it('does not wait when no delivery came in the last second', async () => {
    const { pause, traffic } = trafficWith({}, [1]);
    await traffic.beforePage();
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now);
    traffic.delivered();
    jest.spyOn(Date, 'now').mockReturnValue(now + 1000);

    await traffic.beforePage();

    expect(pause.requestedMs).toEqual([]);
  });

  it('never waits with FULL_SYNC_WEBHOOK_YIELD_MS=0 or FULL_SYNC_WEBHOOK_MAX_WAIT_MS=0', async () => {
    for (const overrides of [{ FULL_SYNC_WEBHOOK_YIELD_MS: 0 }, { FULL_SYNC_WEBHOOK_MAX_WAIT_MS: 0 }]) {
      const { pause, traffic } = trafficWith(overrides, [1]);
      traffic.delivered();

      await traffic.beforePage();

      expect(pause.requestedMs).toEqual([]);
    }
  });

  it('lets the page go ahead when shutdown cuts the wait short, so the fetch can hand its job back', async () => {
    const pause = new Pause();
    const load = new ScriptedLoad([1]);
    const traffic = new WebhookTraffic(
      settings({ FULL_SYNC_WEBHOOK_YIELD_MS: 60_000 }),
      pause,
      load,
      new MetricsService('zoom-fetcher-test'),
    );
    traffic.delivered();

    const waiting = traffic.beforePage();
    pause.onModuleDestroy();

    await expect(waiting).resolves.toBeUndefined();
    expect(load.measurements).toBe(1);
  });
});
