import { ConfigService } from '@nestjs/config';
import { Pause } from '@zoom-oomnitza-sync/platform';
import { RecordedPause } from '@zoom-oomnitza-sync/testing';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { WebhookTraffic } from './webhook-traffic';

describe('WebhookTraffic: a full sync gives way to webhook deliveries', () => {
  const trafficWith = (yieldMs: number) => {
    const pause = new RecordedPause();
    const config = new ConfigService<ZoomFetcherEnvironment, true>({
      ...new ZoomFetcherEnvironment(),
      FULL_SYNC_WEBHOOK_YIELD_MS: yieldMs,
    });
    return { pause, traffic: new WebhookTraffic(config, pause) };
  };

  afterEach(() => jest.restoreAllMocks());

  it('waits FULL_SYNC_WEBHOOK_YIELD_MS before a page while deliveries arrive', async () => {
    const { pause, traffic } = trafficWith(250);
    traffic.delivered();

    await traffic.beforePage();

    expect(pause.requestedMs).toEqual([250]);
  });

  it('does not wait when no delivery came in the last second', async () => {
    const { pause, traffic } = trafficWith(250);
    await traffic.beforePage();
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now);
    traffic.delivered();
    jest.spyOn(Date, 'now').mockReturnValue(now + 1000);

    await traffic.beforePage();

    expect(pause.requestedMs).toEqual([]);
  });

  it('never waits with FULL_SYNC_WEBHOOK_YIELD_MS=0', async () => {
    const { pause, traffic } = trafficWith(0);
    traffic.delivered();

    await traffic.beforePage();

    expect(pause.requestedMs).toEqual([]);
  });

  it('lets the page go ahead when shutdown cuts the wait short, so the fetch can hand its job back', async () => {
    const pause = new Pause();
    const config = new ConfigService<ZoomFetcherEnvironment, true>({ ...new ZoomFetcherEnvironment(), FULL_SYNC_WEBHOOK_YIELD_MS: 60_000 });
    const traffic = new WebhookTraffic(config, pause);
    traffic.delivered();

    const waiting = traffic.beforePage();
    pause.onModuleDestroy();

    await expect(waiting).resolves.toBeUndefined();
  });
});
