import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ZoomUserDto } from '@zoom-oomnitza-sync/contracts';
import { CredentialsUnavailableError } from '@zoom-oomnitza-sync/credentials-client';
import { WorkReport } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, MetricsService } from '@zoom-oomnitza-sync/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Logger } from 'pino';
import { Counter } from 'prom-client';
import { ZoomDirectory } from '../directory/zoom-directory';
import { UserChangePublisher } from '../user-changes/user-change-publisher';
import { ZoomAccountCalls } from '../zoom-api/zoom-account-calls';
import { ZoomApiError } from '../zoom-api/zoom-api.error';
import { ZoomUsersClient } from '../zoom-api/zoom-users.client';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { ClaimedRead, UserReadQueue } from './user-read-queue';

/** How long a replica holds a read it claimed; another takes it over after a crash. */
const READ_LEASE_SECONDS = 60;
const MAX_RETRY_DELAY_MS = 300_000;

type ReadOutcome = 'made' | 'coalesced' | 'not_found' | 'retried' | 'gave_up';

/** Zoom or the credentials service failed for now: worth another attempt later. */
function isTransient(error: unknown): boolean {
  if (error instanceof CredentialsUnavailableError) {
    return true;
  }
  // A daily limit lasts until midnight UTC: better the webhook's data now than the whole user then.
  return error instanceof ZoomApiError && error.passing;
}

class UnusableUserError extends Error {}

/**
 * Reads a user once for every event that joined the read, inside the account's pace, and
 * publishes the whole user (`complete`, observed at the read). A user Zoom no longer has publishes
 * nothing (its delete event does); failures are retried with backoff up to ZOOM_MAX_ATTEMPTS, and
 * a read that gives up publishes what the webhooks carried, so the change is not lost.
 */
@Injectable()
export class UserReader {
  private readonly log: Logger;
  private readonly maxAttempts: number;
  private readonly reads: Counter<'outcome'>;

  constructor(
    private readonly queue: UserReadQueue,
    private readonly zoom: ZoomUsersClient,
    private readonly calls: ZoomAccountCalls,
    private readonly publisher: UserChangePublisher,
    private readonly directory: ZoomDirectory,
    config: ConfigService<ZoomFetcherEnvironment, true>,
    metrics: MetricsService,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: UserReader.name });
    this.maxAttempts = config.get('ZOOM_MAX_ATTEMPTS', { infer: true });
    this.reads = metrics.counter(
      'zoom_user_reads_total',
      'Users read from Zoom after webhook events: made, events coalesced into another read, not found, retried, given up',
      ['outcome'],
    );
  }

  /** Claims and performs the next due read; false when none is due. */
  async readNext(): Promise<WorkReport> {
    const claim = await this.queue.claim(READ_LEASE_SECONDS);
    if (!claim) {
      return { worked: false };
    }
    const { read, othersWaiting } = claim;
    if (read.attempts === 0 && read.events > 1) {
      this.count('coalesced', read.events - 1);
    }
    await this.perform(read);
    return { worked: true, moreWaiting: othersWaiting };
  }

  private async perform(read: ClaimedRead): Promise<void> {
    let answer: { user: ZoomUserDto; observedAt: Date };
    try {
      answer = await this.readUser(read);
    } catch (error) {
      await this.afterFailure(read, error);
      return;
    }
    await this.publish(read, { ...answer, complete: true }, 'read');
    this.count('made');
  }

  private async afterFailure(read: ClaimedRead, error: unknown): Promise<void> {
    if (error instanceof ZoomApiError && error.userNotFound) {
      // The user is gone: the delete (or disassociate) event says so, a read has nothing to add.
      await this.queue.finish(read, async () => undefined);
      this.count('not_found');
    } else if (isTransient(error) && read.attempts + 1 < this.maxAttempts) {
      await this.queue.retryLater(read, this.retryDelayMs(read, error));
      this.count('retried');
    } else {
      this.log.warn(
        { zoomCredentialId: read.zoomCredentialId, userId: read.userId, attempts: read.attempts + 1, reason: describe(error) },
        "reading the user from Zoom gave up: publishing the webhook's data",
      );
      await this.publish(read, { user: read.webhookUser, complete: false, observedAt: new Date(read.eventTs) }, 'fallback');
      this.count('gave_up');
    }
  }

  /** GET /users/{id}, observed when the request goes out. */
  private readUser(read: ClaimedRead): Promise<{ user: ZoomUserDto; observedAt: Date }> {
    return this.calls.call({ tenantId: read.tenantId, credentialId: read.zoomCredentialId }, 'light', async (access) => {
      const observedAt = new Date();
      return { user: await usable(await this.zoom.getUser(access.apiUrl, access.accessToken, read.userId)), observedAt };
    });
  }

  private async publish(
    read: ClaimedRead,
    what: { user: ZoomUserDto; complete: boolean; observedAt: Date },
    path: 'read' | 'fallback',
  ): Promise<void> {
    const change = {
      zoomCredentialId: read.zoomCredentialId,
      zoomAccountId: read.zoomAccountId,
      event: read.event,
      eventTs: read.eventTs,
      previous: read.previous,
      ...what,
    };
    const finished = await this.queue.finish(read, async (manager) => {
      if (what.complete) {
        await this.directory.record(manager, read.zoomCredentialId, [what.user], what.observedAt);
      }
      return this.publisher.publish(manager, change, path);
    });
    if (finished) {
      this.publisher.count(finished.result);
    }
  }

  /** Exponential from one second, or longer when Zoom says how long to wait. */
  private retryDelayMs(read: ClaimedRead, error: unknown): number {
    const backoff = 1000 * 2 ** read.attempts;
    const asked = error instanceof ZoomApiError ? (error.retryAfterMs ?? 0) : 0;
    return Math.min(MAX_RETRY_DELAY_MS, Math.max(backoff, asked));
  }

  private count(outcome: ReadOutcome, by = 1): void {
    this.reads.inc({ outcome }, by);
  }
}

/** What GET /users/{id} answered must pass as a zoom.user.changed user, or the webhook's data is published instead. */
async function usable(answer: ZoomUserDto): Promise<ZoomUserDto> {
  const problems = await validate(plainToInstance(ZoomUserDto, answer));
  if (problems.length > 0) {
    throw new UnusableUserError(`Zoom's user does not fit zoom.user.changed: ${problems.map((problem) => problem.property).join(', ')}`);
  }
  return answer;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
