import { Transform } from 'class-transformer';
import { toInt } from '@zoom-oomnitza-sync/platform';
import { IsInt, Max, Min } from 'class-validator';
import { CredentialsClientEnvironment } from '@zoom-oomnitza-sync/credentials-client';

export class ZoomFetcherEnvironment extends CredentialsClientEnvironment {
  /** Users per list request: Zoom's staff say 300 is the real maximum. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(2000)
  ZOOM_PAGE_SIZE = 300;

  /** Pace of list requests per Zoom account from one replica, below the plan's limit. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  ZOOM_REQUESTS_PER_SECOND = 10;

  /** Pace of user reads after webhook events per Zoom account from one replica (Zoom's Light limit: 30/s on Pro). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  ZOOM_USER_READS_PER_SECOND = 20;

  /** List and summary calls (Medium) per Zoom account and UTC day, counted across replicas; 0: no daily limit (Pro and above). Free plan: 2000. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  ZOOM_REQUESTS_PER_DAY = 0;

  /** User reads (Light) per Zoom account and UTC day, counted across replicas; 0: no daily limit (Pro and above). Free plan: 6000. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  ZOOM_USER_READS_PER_DAY = 0;

  /** Attempts of one Zoom request that failed with 5xx or a network error before the run fails. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  ZOOM_MAX_ATTEMPTS = 5;

  /** How long a replica owns a fetch it is working on; another takes it over after a crash. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  FETCH_LEASE_SECONDS = 60;

  /** A fetch meeting passing trouble (Zoom 5xx after its retries, the credentials service down) tries again this much later... */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  FETCH_TROUBLE_RETRY_SECONDS = 30;

  /** ...and fails the run only once the trouble has lasted this long. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  FETCH_TROUBLE_PATIENCE_MINUTES = 15;

  /** Full syncs one replica works on at the same time. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(32)
  FETCH_CONCURRENCY = 2;

  /** Full syncs of one tenant fetched at the same time, across replicas: one tenant's many runs do not hold up others. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  FETCH_TENANT_CONCURRENCY = 2;

  /** Fetch jobs that ended longer ago than this are deleted; keep it above the topics' retention. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  FETCH_JOB_RETENTION_DAYS = 14;

  /** A webhook signed longer ago than this is refused: a captured delivery cannot be replayed later. */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  ZOOM_WEBHOOK_MAX_AGE_SECONDS = 300;

  /** How far ahead of this replica's clock a webhook's signing time may be (Zoom's clock and ours differ a little). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  ZOOM_WEBHOOK_MAX_SKEW_SECONDS = 30;

  /**
   * How long a replica keeps which integrations a Zoom credential's changes go to. The replica that
   * applies an integration change forgets at once; the others within this time. 0 looks up every event.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  INTEGRATION_CACHE_TTL_MS = 1_000;

  /** Users read from Zoom after webhook events at the same time on one replica; 0 leaves the reads to other replicas. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(32)
  ZOOM_USER_READ_CONCURRENCY = 8;

  /** While webhook deliveries arrive, a full sync waits this long before each page; 0 never waits. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  FULL_SYNC_WEBHOOK_YIELD_MS = 250;

  /**
   * While webhook deliveries arrive, a full sync waits again, FULL_SYNC_WEBHOOK_YIELD_MS at a time,
   * for as long as the replica's event loop was busier than this over the last wait.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  FULL_SYNC_WEBHOOK_LOOP_BUSY_PERCENT = 75;

  /** The longest a full sync waits before one page while webhook deliveries arrive, however busy the replica. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  FULL_SYNC_WEBHOOK_MAX_WAIT_MS = 5_000;

  /**
   * While webhook deliveries arrive, the outbox relay holds publishing back for as long as the
   * replica's event loop was busier than this over the last WEBHOOK_RELAY_STEP_MS (or since the
   * relay's last cycle, when that was longer ago), so deliveries are answered before the work they
   * cause is passed on.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  WEBHOOK_RELAY_LOOP_BUSY_PERCENT = 75;

  /** How long the outbox relay waits at a time before it looks again at how busy the replica is. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  WEBHOOK_RELAY_STEP_MS = 100;

  /**
   * While webhook deliveries arrive, the outbox relay begins its cycles at least this far apart, so
   * the messages they cause go downstream in batches; 0 publishes each as soon as it is committed.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000)
  WEBHOOK_RELAY_LINGER_MS = 50;

  /** The longest the outbox relay holds one cycle back while webhook deliveries arrive; 0 never holds it. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  WEBHOOK_RELAY_MAX_WAIT_MS = 5_000;

  /**
   * Counts that differ are looked at again this much later before a full sync is started: a
   * webhook still on its way is not a lost one.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600)
  ZOOM_RECONCILE_CONFIRM_SECONDS = 30;

  /** Reconciles one replica performs at the same time; 0 leaves them to other replicas. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(4)
  ZOOM_RECONCILE_WORKERS = 1;
}
