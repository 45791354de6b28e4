import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RunFailureKind, ZoomUserStatus } from '@zoom-oomnitza-sync/contracts';
import {
  CredentialProblemError,
  CredentialsClient,
  CredentialsUnavailableError,
  ZoomAccessToken,
} from '@zoom-oomnitza-sync/credentials-client';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { UserCounts } from '../directory/user-counts';
import { ZoomDirectory } from '../directory/zoom-directory';
import { FetchJobEntity, listsEveryStatus } from '../fetch-jobs/fetch-job.entity';
import { FetchCheckpoint, FetchJobStore, LeaseLostError } from '../fetch-jobs/fetch-job.store';
import { ZoomApiError } from '../zoom-api/zoom-api.error';
import { UsersPage, ZoomUsersClient } from '../zoom-api/zoom-users.client';
import { WebhookTraffic } from '../webhook-traffic/webhook-traffic';
import { ZoomRateBudget } from '../zoom-api/zoom-rate-budget';
import { ZoomSummaryReader } from '../zoom-api/zoom-summary-reader';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { Pause, PauseInterrupted, Waiting } from '@zoom-oomnitza-sync/platform';
import { UserDetails } from './user-details';
import { retryPassingZoomTrouble } from '../zoom-api/zoom-retries';

/** How many 429s in a row one request may meet before the run gives up. */
const RATE_LIMIT_PATIENCE = 30;

type PageOutcome = UsersPage | 'restart-pass' | 'postponed';

/** The fetch stopped without failing: postponed to a later time or handed back at shutdown. */
class FetchSuspended extends Error {}

/** Zoom or the credentials service refused the credential: a person must fix it, retrying will not help. */
class CredentialRefused extends Error {}

const isPassingTrouble = (error: unknown) =>
  error instanceof CredentialsUnavailableError || (error instanceof ZoomApiError && (error.transient || error.rateLimited));

/**
 * One full sync: the three status passes (active, inactive, pending) page by page, surviving an
 * expired access token (124: mint once more), an expired page token (300: restart that pass), rate
 * limits (wait as Zoom says; a daily limit postpones the fetch to the reset) and passing failures.
 */
@Injectable()
export class FullSyncRunner {
  private readonly log: Logger;
  private readonly pageSize: number;
  private readonly maxAttempts: number;
  private readonly leaseSeconds: number;
  private readonly troubleRetryMs: number;
  private readonly troublePatienceMs: number;
  private stopping = false;

  constructor(
    private readonly store: FetchJobStore,
    private readonly zoom: ZoomUsersClient,
    private readonly credentials: CredentialsClient,
    config: ConfigService<ZoomFetcherEnvironment, true>,
    logger: AppLogger,
    @Inject(Pause) private readonly pause: Waiting,
    private readonly budget: ZoomRateBudget,
    private readonly summaries: ZoomSummaryReader,
    private readonly directory: ZoomDirectory,
    private readonly details: UserDetails,
    private readonly webhooks: WebhookTraffic,
  ) {
    this.log = logger.pino.child({ context: FullSyncRunner.name });
    this.pageSize = config.get('ZOOM_PAGE_SIZE', { infer: true });
    this.maxAttempts = config.get('ZOOM_MAX_ATTEMPTS', { infer: true });
    this.leaseSeconds = config.get('FETCH_LEASE_SECONDS', { infer: true });
    this.troubleRetryMs = config.get('FETCH_TROUBLE_RETRY_SECONDS', { infer: true }) * 1000;
    this.troublePatienceMs = config.get('FETCH_TROUBLE_PATIENCE_MINUTES', { infer: true }) * 60_000;
  }

  get leaseDurationSeconds(): number {
    return this.leaseSeconds;
  }

  /** Fetches stop after their current page and hand their job back for another replica. */
  stop(): void {
    this.stopping = true;
  }

  async run(job: FetchJobEntity): Promise<void> {
    const started = Date.now();
    this.log.info(
      { runId: job.runId, integrationId: job.integrationId, resumeAt: { pass: job.passIndex, page: job.pageNumber } },
      'full sync fetch started',
    );
    try {
      await this.fetchAll(job);
      this.log.info({ runId: job.runId, users: job.usersFetched, seconds: (Date.now() - started) / 1000 }, 'full sync fetch completed');
      await this.takeCensus(job);
    } catch (error) {
      if (error instanceof FetchSuspended) {
        return;
      }
      if (error instanceof LeaseLostError) {
        this.log.warn({ runId: job.runId }, error.message);
        return;
      }
      // A retry wait cut short by shutdown: the lease runs out and another replica resumes from the checkpoint.
      if (error instanceof PauseInterrupted) {
        this.log.info({ runId: job.runId }, 'full sync fetch interrupted by shutdown; another replica resumes it');
        return;
      }
      await this.settleFailure(job, error).catch((failure: unknown) =>
        this.log.warn({ runId: job.runId, err: failure }, 'could not record the failure'),
      );
    }
  }

  /**
   * Passing trouble (Zoom failing for now after this fetch's retries, the credentials service not
   * answering) hands the job back for FETCH_TROUBLE_RETRY_SECONDS, for up to
   * FETCH_TROUBLE_PATIENCE_MINUTES; anything else, or trouble lasting longer, fails the run. A
   * refused credential is said to be one: a person must fix it.
   */
  private async settleFailure(job: FetchJobEntity, error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    const now = new Date();
    if (isPassingTrouble(error)) {
      const since = job.troubledSince ?? now;
      if (now.getTime() - since.getTime() < this.troublePatienceMs) {
        const retryAt = new Date(now.getTime() + this.troubleRetryMs);
        this.log.warn(
          { runId: job.runId, reason, retryAt, troubledSince: since },
          'full sync fetch meets passing trouble: trying again later',
        );
        await this.store.waitUntil(
          job,
          retryAt,
          { passIndex: job.passIndex, nextPageToken: job.nextPageToken, pageNumber: job.pageNumber },
          since,
        );
        return;
      }
      const minutes = Math.round((now.getTime() - since.getTime()) / 60_000);
      return this.fail(job, `${reason} (still failing after ${minutes} minutes of retries)`);
    }
    return this.fail(job, reason, error instanceof CredentialRefused ? 'credential_invalid' : undefined);
  }

  private async fail(job: FetchJobEntity, reason: string, failureKind?: RunFailureKind): Promise<void> {
    this.log.warn({ runId: job.runId, reason, failureKind }, 'full sync fetch failed');
    await this.store.fail(job, reason, failureKind);
  }

  /**
   * Zoom's summary right after a complete listing: the reconcile's baseline. A summary that
   * differs from the users listed is Zoom's way of counting (or a change during the fetch), kept as
   * an offset; without a census the reconcile waits for the next clean full sync.
   */
  private async takeCensus(job: FetchJobEntity): Promise<void> {
    if (!listsEveryStatus(job)) {
      return;
    }
    try {
      const offsets = await this.directory.takeCensus(job.zoomCredentialId, await this.zoomSummary(job));
      const differs = Object.values(offsets).some((offset) => offset !== 0);
      this.log[differs ? 'warn' : 'info'](
        { runId: job.runId, zoomCredentialId: job.zoomCredentialId, offsets },
        differs ? "Zoom's user summary differs from the users the full sync listed" : "Zoom's user summary matches the full sync",
      );
    } catch (error) {
      this.log.warn({ runId: job.runId, reason: error instanceof Error ? error.message : String(error) }, 'no census after the full sync');
    }
  }

  /** The summary, asked again (as Zoom says, or with backoff) while Zoom fails for now or is over its per-second limit. */
  private zoomSummary(job: FetchJobEntity): Promise<UserCounts> {
    return retryPassingZoomTrouble(this.pause, this.maxAttempts, () => this.summaries.read(credentialOf(job)));
  }

  private async fetchAll(job: FetchJobEntity): Promise<void> {
    const passes = job.userStatuses as ZoomUserStatus[];
    let access = await this.accessFor(job);
    let checkpoint: FetchCheckpoint = { passIndex: job.passIndex, nextPageToken: job.nextPageToken, pageNumber: job.pageNumber };
    while (checkpoint.passIndex < passes.length) {
      await this.webhooks.beforePage();
      if (this.stopping) {
        await this.store.postpone(job, new Date(), checkpoint);
        throw new FetchSuspended();
      }
      const userStatus = passes[checkpoint.passIndex];
      const observedAt = new Date();
      const outcome = await this.requestPage(job, userStatus, checkpoint, access, (renewed) => (access = renewed));
      if (outcome === 'postponed') {
        throw new FetchSuspended();
      }
      if (outcome === 'restart-pass') {
        this.log.info({ runId: job.runId, userStatus }, 'page token expired: restarting the pass');
        checkpoint = { ...checkpoint, nextPageToken: null, pageNumber: 1 };
        continue;
      }
      const lastOfPass = outcome.nextPageToken === undefined;
      const isLastPage = lastOfPass && checkpoint.passIndex === passes.length - 1;
      const next: FetchCheckpoint = lastOfPass
        ? { passIndex: checkpoint.passIndex + 1, nextPageToken: null, pageNumber: 1 }
        : { passIndex: checkpoint.passIndex, nextPageToken: outcome.nextPageToken ?? null, pageNumber: checkpoint.pageNumber + 1 };
      const users = await this.details.fill(credentialOf(job), outcome.users, job.readSources);
      await this.store.recordPage(
        job,
        { userStatus, pageNumber: checkpoint.pageNumber, users, isLastPage, observedAt },
        next,
        this.leaseSeconds,
      );
      checkpoint = next;
    }
  }

  private async requestPage(
    job: FetchJobEntity,
    userStatus: ZoomUserStatus,
    checkpoint: FetchCheckpoint,
    access: ZoomAccessToken,
    renew: (access: ZoomAccessToken) => void,
  ): Promise<PageOutcome> {
    let renewed = false;
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      const current = access;
      try {
        // Inside the try: the budget refuses a call over the account's daily limit as Zoom would.
        return await this.budget.call(current.accountId, 'medium', () =>
          this.zoom.listUsers(current.apiUrl, current.accessToken, {
            status: userStatus,
            pageSize: this.pageSize,
            nextPageToken: checkpoint.nextPageToken ?? undefined,
            customAttributes: job.listsCustomAttributes,
          }),
        );
      } catch (error) {
        if (!(error instanceof ZoomApiError)) {
          throw error;
        }
        if (error.invalidToken) {
          if (renewed) {
            throw new CredentialRefused('Zoom refused a freshly minted access token (code 124)');
          }
          renewed = true;
          access = await this.accessFor(job, access.accessToken);
          renew(access);
        } else if (error.pageTokenExpired && checkpoint.nextPageToken) {
          // Without a page token, 300 is Zoom refusing the request itself: a restart would repeat it forever.
          return 'restart-pass';
        } else if (error.rateLimited && error.dailyLimit) {
          const until = new Date(Date.now() + (error.retryAfterMs ?? 0));
          this.log.warn({ runId: job.runId, until }, "Zoom's daily rate limit is reached: the fetch resumes after the reset");
          await this.store.waitUntil(job, until, checkpoint);
          return 'postponed';
        } else if (error.rateLimited && ++rateLimited <= RATE_LIMIT_PATIENCE) {
          await this.pause.for(error.retryAfterMs ?? 1000);
          await this.store.extendLease(job, this.leaseSeconds);
        } else if (error.transient && ++failures < this.maxAttempts) {
          await this.pause.for(Math.min(30_000, 500 * 2 ** (failures - 1)));
          await this.store.extendLease(job, this.leaseSeconds);
        } else {
          throw error;
        }
      }
    }
  }

  /** The account's current token, or a replacement for one Zoom refused. */
  private async accessFor(job: FetchJobEntity, refusedAccessToken?: string): Promise<ZoomAccessToken> {
    try {
      return refusedAccessToken
        ? await this.credentials.renewZoomAccessToken(credentialOf(job), refusedAccessToken)
        : await this.credentials.zoomAccessToken(credentialOf(job));
    } catch (error) {
      if (error instanceof CredentialProblemError) {
        throw new CredentialRefused(`Zoom credential ${job.zoomCredentialId}: ${error.problem}`);
      }
      throw error;
    }
  }
}

const credentialOf = (job: FetchJobEntity) => ({ tenantId: job.tenantId, credentialId: job.zoomCredentialId });
