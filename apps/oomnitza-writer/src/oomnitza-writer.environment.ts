import { Transform } from 'class-transformer';
import { toBool, toInt } from '@zoom-oomnitza-sync/platform';
import { IsBoolean, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { CredentialsClientEnvironment } from '@zoom-oomnitza-sync/credentials-client';

export class OomnitzaWriterEnvironment extends CredentialsClientEnvironment {
  /** Records per bulk request: Oomnitza takes at most 100. Also the size at which records outside a run are flushed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  OOMNITZA_BULK_SIZE = 100;

  /** Attempts of one Oomnitza request that met 429, 5xx or a network error (Oomnitza's connector makes 10). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  OOMNITZA_MAX_ATTEMPTS = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  OOMNITZA_RETRY_BASE_MS = 500;

  /** The longest wait a Retry-After may impose on one request; Oomnitza documents no rate limits. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  OOMNITZA_RETRY_AFTER_MAX_SECONDS = 300;

  /** Sent as connector_version, so Oomnitza's run logs show what wrote the records. */
  @IsString()
  @IsNotEmpty()
  OOMNITZA_CONNECTOR_VERSION = 'zoom-oomnitza-sync/0.1';

  /**
   * CIDR ranges calls to tenant-given URLs (Oomnitza) may reach although they are not public
   * (`127.0.0.0/8,::1/128` for sandboxes on this machine). Empty by default: only public addresses.
   */
  @IsString()
  OUTBOUND_ALLOWED_ADDRESSES = '';

  /** Closed portions opened longer ago than this are deleted; keep it above the topics' retention. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PORTION_RETENTION_DAYS = 30;

  /**
   * User plus SaaS user: the SAAS link of each record also carries the Zoom user id, role, status
   * and last login, which Oomnitza keeps on SaaS users but documents no bulk key for. Off: only the
   * documented link keys are sent.
   */
  @Transform(toBool)
  @IsBoolean()
  OOMNITZA_SAAS_USER_DETAILS = false;

  /** Dry runs (and every user of theirs) made longer ago than this are deleted. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DRY_RUN_RETENTION_DAYS = 30;

  /** Integrations one replica writes at the same time (one worker each). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(32)
  WRITE_CONCURRENCY = 4;

  /** How long a worker owns an integration it writes (renewed while it works); another takes over after a crash. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  WRITE_LEASE_SECONDS = 60;

  /**
   * Records outside a run wait at most this long for others to share their bulk request. Shorter
   * than the fetcher's WEBHOOK_RELAY_LINGER_MS (50): webhook changes arrive already batched about
   * that far apart, and a spacing as long as theirs made each batch wait for the last one's.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  WRITE_FLUSH_DELAY_MS = 25;

  /** Records outside a run go to a portion per integration, finalized after this long... */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  ROLLING_PORTION_MAX_SECONDS = 300;

  /** ...or once it holds this many records, whichever comes first. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ROLLING_PORTION_MAX_RECORDS = 10_000;
}
