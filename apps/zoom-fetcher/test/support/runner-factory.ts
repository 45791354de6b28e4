import { ConfigService } from '@nestjs/config';
import { WebhookTraffic } from '../../src/webhook-traffic/webhook-traffic';
import { CredentialsClient } from '@zoom-oomnitza-sync/credentials-client';
import { AppLogger, createLogger, EventLoopLoad, MetricsService } from '@zoom-oomnitza-sync/platform';
import { FullSyncRunner } from '../../src/full-sync/full-sync.runner';
import { ServiceIdentity } from '@zoom-oomnitza-sync/platform';
import { ZoomRateBudget, ZoomRateCategory } from '../../src/zoom-api/zoom-rate-budget';
import { ZoomUsersClient } from '../../src/zoom-api/zoom-users.client';
import { ZoomAccountCalls } from '../../src/zoom-api/zoom-account-calls';
import { ZoomSummaryReader } from '../../src/zoom-api/zoom-summary-reader';
import { ZoomDirectory } from '../../src/directory/zoom-directory';
import { UserDetails } from '../../src/full-sync/user-details';
import { ZoomFetcherEnvironment } from '../../src/zoom-fetcher.environment';
import { FakeCredentials } from './fake-credentials';
import { Replica } from './fetcher-database';
import { FakeZoomUsers } from './fake-zoom-users';
import { RecordedPause } from '@zoom-oomnitza-sync/testing';

export const PAGE_SIZE = 2;
export const LEASE_SECONDS = 60;
export const MAX_ATTEMPTS = 3;
export const TROUBLE_RETRY_SECONDS = 30;
export const TROUBLE_PATIENCE_MINUTES = 15;

/** Small pages so a handful of users make several; pacing fast enough not to count. */
const SETTINGS: Partial<ZoomFetcherEnvironment> = {
  ...new ZoomFetcherEnvironment(),
  ZOOM_PAGE_SIZE: PAGE_SIZE,
  ZOOM_REQUESTS_PER_SECOND: 1000,
  ZOOM_MAX_ATTEMPTS: MAX_ATTEMPTS,
  FETCH_LEASE_SECONDS: LEASE_SECONDS,
  FETCH_TROUBLE_RETRY_SECONDS: TROUBLE_RETRY_SECONDS,
  FETCH_TROUBLE_PATIENCE_MINUTES: TROUBLE_PATIENCE_MINUTES,
};

export interface RunnerFakes {
  zoom: FakeZoomUsers;
  credentials: FakeCredentials;
  pause: RecordedPause;
  /** The replica's webhook deliveries as the runner sees them; a fresh one unless given. */
  traffic?: WebhookTraffic;
}

/** A replica whose event loop always has time to spare: a full sync waits one FULL_SYNC_WEBHOOK_YIELD_MS while deliveries arrive. */
const SPARE_LOOP: EventLoopLoad = { measure: () => () => 0 };

export const webhookTrafficFor = (pause: RecordedPause, yieldMs: number) =>
  new WebhookTraffic(
    new ConfigService<ZoomFetcherEnvironment, true>({ ...SETTINGS, FULL_SYNC_WEBHOOK_YIELD_MS: yieldMs }),
    pause,
    SPARE_LOOP,
    new MetricsService('zoom-fetcher-test'),
  );

export const fakesFor = (zoom: FakeZoomUsers): RunnerFakes => ({ zoom, credentials: new FakeCredentials(), pause: new RecordedPause() });

/** The real runner on a replica's real store; only Zoom, the credentials service and waiting are fakes. */
export function createRunner(
  { store, dataSource }: Replica,
  { zoom, credentials, pause, traffic }: RunnerFakes,
  requestsPerDay: Partial<Record<ZoomRateCategory, number>> = {},
): FullSyncRunner {
  const pacer = new ZoomRateBudget(
    dataSource,
    new ServiceIdentity('zoom-fetcher', (dataSource.options as { schema: string }).schema),
    { medium: SETTINGS.ZOOM_REQUESTS_PER_SECOND ?? 1000, light: 1000 },
    requestsPerDay,
  );
  const config = new ConfigService<ZoomFetcherEnvironment, true>(SETTINGS);
  const calls = new ZoomAccountCalls(credentials as unknown as CredentialsClient, pacer);
  return new FullSyncRunner(
    store,
    zoom as unknown as ZoomUsersClient,
    credentials as unknown as CredentialsClient,
    config,
    new AppLogger(createLogger('zoom-fetcher-test', 'silent')),
    pause,
    pacer,
    new ZoomSummaryReader(zoom as unknown as ZoomUsersClient, calls),
    new ZoomDirectory(dataSource),
    new UserDetails(calls, zoom as unknown as ZoomUsersClient, pause, config),
    traffic ?? new WebhookTraffic(config, pause, SPARE_LOOP, new MetricsService('zoom-fetcher-test')),
  );
}
