import { ConfigService } from '@nestjs/config';
import { EventLoopLoad, MetricsService, Pause } from '@zoom-oomnitza-sync/platform';
import { RecordedPause } from '@zoom-oomnitza-sync/testing';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { OutboxRelay, RelayPacing } from '@zoom-oomnitza-sync/messaging';
import { RelayGivesWayToWebhooks } from './relay-gives-way';
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

/**
 * A loop as it looks at 100 deliveries/s on a replica with time to spare: a window of a few
 * milliseconds that caught a delivery reads fully busy, while over 100 ms or more it was 40 % busy.
 */
class LoadByWindow extends EventLoopLoad {
  override measure(): () => number {
    const start = Date.now();
    return () => (Date.now() - start < 100 ? 1 : 0.4);
  }
}

/** A clock the test moves: `at(ms)` makes Date.now() read that many milliseconds after the call. */
function clockFromNow(): (ms: number) => void {
  const start = Date.now();
  return (ms) => jest.spyOn(Date, 'now').mockReturnValue(start + ms);
}

/** The defaults the tests count on, spelled out, so a change of default does not change what they check. */
const settings = (overrides: Partial<ZoomFetcherEnvironment>) =>
  new ConfigService<ZoomFetcherEnvironment, true>({
    ...new ZoomFetcherEnvironment(),
    FULL_SYNC_WEBHOOK_YIELD_MS: 250,
    FULL_SYNC_WEBHOOK_LOOP_BUSY_PERCENT: 75,
    FULL_SYNC_WEBHOOK_MAX_WAIT_MS: 5000,
    WEBHOOK_RELAY_LOOP_BUSY_PERCENT: 75,
    WEBHOOK_RELAY_STEP_MS: 100,
    WEBHOOK_RELAY_MAX_WAIT_MS: 5000,
    WEBHOOK_RELAY_LINGER_MS: 50,
    ...overrides,
  });

describe('WebhookTraffic: a full sync gives way to webhook deliveries', () => {
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
    const at = clockFromNow();
    at(0);
    traffic.delivered();
    at(1000);

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

describe('WebhookTraffic: the outbox relay gives way to webhook deliveries', () => {
  /**
   * A relay whose first cycle has run (it measures from there): the loop's shares apply from the
   * second. It does not linger between cycles unless told to: the loop's load alone decides.
   */
  const afterFirstCycle = async (overrides: Partial<ZoomFetcherEnvironment>, busyShares: number[]) => {
    const pause = new RecordedPause();
    const metrics = new MetricsService('zoom-fetcher-test');
    const traffic = new WebhookTraffic(
      settings({ WEBHOOK_RELAY_LINGER_MS: 0, ...overrides }),
      pause,
      new ScriptedLoad(busyShares),
      metrics,
    );
    traffic.delivered();
    await traffic.beforeRelayCycle();
    return { pause, traffic, metrics };
  };
  const secondsHeld = async (metrics: MetricsService, reason: 'busy_loop' | 'linger') =>
    (await metrics.registry.getSingleMetric('zoom_outbox_relay_webhook_wait_seconds_total')?.get())?.values.find(
      (value) => value.labels.reason === reason,
    )?.value ?? 0;

  afterEach(() => jest.restoreAllMocks());

  it('never holds the first cycle back: there is nothing to measure since', async () => {
    const { pause, metrics } = await afterFirstCycle({}, [1]);

    expect(pause.requestedMs).toEqual([]);
    expect(await secondsHeld(metrics, 'busy_loop')).toBe(0);
    expect(await secondsHeld(metrics, 'linger')).toBe(0);
  });

  it('holds a cycle back, a step at a time, while the loop stays busier than WEBHOOK_RELAY_LOOP_BUSY_PERCENT', async () => {
    const { pause, traffic, metrics } = await afterFirstCycle({}, [0.9, 0.8, 0.5]);

    await traffic.beforeRelayCycle();

    expect(pause.requestedMs).toEqual([100, 100]);
    expect(await secondsHeld(metrics, 'busy_loop')).toBeCloseTo(0.2);
    expect(await secondsHeld(metrics, 'linger')).toBe(0);
  });

  it('reads the loop over at least the last WEBHOOK_RELAY_STEP_MS, not over the few milliseconds since a quick cycle', async () => {
    const at = clockFromNow();
    const pause = new RecordedPause();
    const traffic = new WebhookTraffic(settings({ WEBHOOK_RELAY_LINGER_MS: 0 }), pause, new LoadByWindow(), new MetricsService('t'));
    at(0);
    await traffic.beforeRelayCycle();
    at(150);
    traffic.delivered();
    await traffic.beforeRelayCycle();

    at(160);
    await traffic.beforeRelayCycle();

    expect(pause.requestedMs).toEqual([]);
  });

  it('begins cycles at least WEBHOOK_RELAY_LINGER_MS apart while deliveries arrive', async () => {
    const at = clockFromNow();
    at(0);
    const { pause, traffic, metrics } = await afterFirstCycle({ WEBHOOK_RELAY_LINGER_MS: 25 }, [0.2]);

    at(10);
    await traffic.beforeRelayCycle();

    expect(pause.requestedMs).toEqual([15]);
    expect(await secondsHeld(metrics, 'linger')).toBeCloseTo(0.015);
    expect(await secondsHeld(metrics, 'busy_loop')).toBe(0);
  });

  it('does not linger when the last cycle began WEBHOOK_RELAY_LINGER_MS ago or no delivery came in the last second', async () => {
    const at = clockFromNow();
    at(0);
    const { pause, traffic } = await afterFirstCycle({ WEBHOOK_RELAY_LINGER_MS: 25 }, [0.2]);

    at(25);
    await traffic.beforeRelayCycle();
    at(1005);
    await traffic.beforeRelayCycle();
    at(1015);
    await traffic.beforeRelayCycle();

    expect(pause.requestedMs).toEqual([]);
  });

  it('lets a cycle go at once when the loop had time to spare since the last one', async () => {
    const { pause, traffic } = await afterFirstCycle({}, [0.75]);

    await traffic.beforeRelayCycle();

    expect(pause.requestedMs).toEqual([]);
  });

  it('holds a cycle back no longer than WEBHOOK_RELAY_MAX_WAIT_MS, however busy the replica', async () => {
    const { pause, traffic } = await afterFirstCycle({ WEBHOOK_RELAY_MAX_WAIT_MS: 250 }, [1]);

    await traffic.beforeRelayCycle();

    expect(pause.requestedMs).toEqual([100, 100, 50]);
  });

  it('does not hold a cycle back when no delivery came in the last second, however busy the replica', async () => {
    const { pause, traffic } = await afterFirstCycle({}, [1]);
    clockFromNow()(1000);

    await traffic.beforeRelayCycle();

    expect(pause.requestedMs).toEqual([]);
  });

  it('never holds a cycle back with WEBHOOK_RELAY_MAX_WAIT_MS=0', async () => {
    const { pause, traffic } = await afterFirstCycle({ WEBHOOK_RELAY_MAX_WAIT_MS: 0 }, [1]);

    await traffic.beforeRelayCycle();

    expect(pause.requestedMs).toEqual([]);
  });

  it('lets the cycle go when shutdown cuts the wait short, so the relay can drain', async () => {
    const pause = new Pause();
    const traffic = new WebhookTraffic(settings({ WEBHOOK_RELAY_STEP_MS: 10_000 }), pause, new ScriptedLoad([1]), new MetricsService('t'));
    traffic.delivered();
    await traffic.beforeRelayCycle();

    const waiting = traffic.beforeRelayCycle();
    pause.onModuleDestroy();

    await expect(waiting).resolves.toBeUndefined();
  });

  it("is what the replica's outbox relay awaits before each cycle", async () => {
    let pacing: RelayPacing | undefined;
    const relay = { paceWith: (given: RelayPacing) => (pacing = given) } as unknown as OutboxRelay;
    const traffic = new WebhookTraffic(settings({}), new RecordedPause(), new ScriptedLoad([1]), new MetricsService('t'));
    const beforeRelayCycle = jest.spyOn(traffic, 'beforeRelayCycle');

    new RelayGivesWayToWebhooks(relay, traffic).onModuleInit();
    await pacing?.();

    expect(beforeRelayCycle).toHaveBeenCalledTimes(1);
  });
});
