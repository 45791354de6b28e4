import { PauseInterrupted } from '@zoom-oomnitza-sync/platform';
import { ZoomUserStatus } from '@zoom-oomnitza-sync/contracts';
import { CredentialProblemError } from '@zoom-oomnitza-sync/credentials-client';
import { ZoomDirectory } from '../src/directory/zoom-directory';
import { FetchJobEntity } from '../src/fetch-jobs/fetch-job.entity';
import { FakeZoomUsers, nextUtcMidnight, zoomAnswers } from './support/fake-zoom-users';
import { checkpointOf, expectCountsToBalance, handedOnEmails, pageKeys, StoredCheckpoint } from './support/fetch-expectations';
import { claimDue, FetcherDatabase, Replica } from './support/fetcher-database';
import {
  createRunner,
  fakesFor,
  LEASE_SECONDS,
  MAX_ATTEMPTS,
  PAGE_SIZE,
  TROUBLE_PATIENCE_MINUTES,
  TROUBLE_RETRY_SECONDS,
  webhookTrafficFor,
} from './support/runner-factory';

const PASSES: ZoomUserStatus[] = ['active', 'inactive', 'pending'];
/** Shorter than the runner's lease, so its extension shows. */
const SHORT_LEASE_SECONDS = 10;

describe('FullSyncRunner', () => {
  let database: FetcherDatabase;
  let replica: Replica;

  beforeAll(async () => {
    database = await FetcherDatabase.create('full_sync_runner');
    replica = await database.replica();
  });

  beforeEach(() => database.clear());

  afterAll(() => database?.close());

  /** Queues a run request's job and claims it, as FetchWorker does. */
  async function claimQueuedJob(leaseSeconds = LEASE_SECONDS): Promise<FetchJobEntity> {
    await database.queueJob();
    return claimDue(replica, leaseSeconds);
  }

  /** The job's lease as stored when Zoom receives the request with this number. */
  function leaseSeenAt(zoom: FakeZoomUsers, job: FetchJobEntity, requestNumber: number): () => Date | null {
    let lease: Date | null = null;
    zoom.onRequest = async (_request, number) => {
      if (number === requestNumber) {
        lease = (await database.job(job.runId)).lockedUntil;
      }
    };
    return () => lease;
  }

  /** Claimed with SHORT_LEASE_SECONDS, the job now holds the runner's longer lease. */
  function expectExtendedLease(lease: Date | null): void {
    expect(lease?.getTime()).toBeGreaterThan(Date.now() + (LEASE_SECONDS - SHORT_LEASE_SECONDS) * 1000);
  }

  async function outcomeOf(runId: string) {
    return { job: await database.job(runId), pages: await database.pages(runId), progress: await database.progress(runId) };
  }

  it('gives way to webhook deliveries: while they arrive it waits before every page, and not once without them', async () => {
    const zoom = new FakeZoomUsers({ active: 5, inactive: 0, pending: 3 });
    const busy = fakesFor(zoom);
    const traffic = webhookTrafficFor(busy.pause, 250);
    // A delivery comes in while each page is requested, as at a steady 100 events/s.
    zoom.onRequest = async () => traffic.delivered();
    traffic.delivered();

    await createRunner(replica, { ...busy, traffic }).run(await claimQueuedJob());

    expect(zoom.requests).toHaveLength(6);
    expect(busy.pause.requestedMs).toEqual(Array(6).fill(250));

    await database.clear();
    const quietZoom = new FakeZoomUsers({ active: 5, inactive: 0, pending: 3 });
    const quiet = fakesFor(quietZoom);
    await createRunner(replica, { ...quiet, traffic: webhookTrafficFor(quiet.pause, 250) }).run(await claimQueuedJob());

    expect(quietZoom.requests).toHaveLength(6);
    expect(quiet.pause.requestedMs).toEqual([]);
  });

  it('fetches the three status passes page by page, checkpointing each, and marks the last page', async () => {
    const zoom = new FakeZoomUsers({ active: 5, inactive: 0, pending: 3 });
    const job = await claimQueuedJob();
    const checkpointsSeen: StoredCheckpoint[] = [];
    zoom.onRequest = async () => void checkpointsSeen.push(checkpointOf(await database.job(job.runId)));
    const fakes = fakesFor(zoom);

    await createRunner(replica, fakes).run(job);

    expect(zoom.requests.map(({ status, nextPageToken }) => `${status} ${nextPageToken ? 'token' : 'first'}`)).toEqual([
      'active first',
      'active token',
      'active token',
      'inactive first',
      'pending first',
      'pending token',
    ]);
    expect(zoom.requests.every(({ accessToken, pageSize }) => accessToken === 'token-1' && pageSize === PAGE_SIZE)).toBe(true);
    // The credentials service hands the token out only to the tenant that holds the credential: the job's.
    expect(new Set(fakes.credentials.asked.map((asked) => JSON.stringify(asked)))).toEqual(
      new Set([JSON.stringify({ tenantId: job.tenantId, credentialId: job.zoomCredentialId })]),
    );
    // Before each request the stored checkpoint names exactly that request: a crash there resumes with it.
    expect(checkpointsSeen).toEqual(
      zoom.requests.map((request, index) => ({
        passIndex: PASSES.indexOf(request.status),
        nextPageToken: request.nextPageToken ?? null,
        pageNumber: [1, 2, 3, 1, 1, 2][index],
      })),
    );
    const { job: fetched, pages, progress } = await outcomeOf(job.runId);
    // The empty inactive pass hands nothing on; only the very last page says it is the last.
    expect(pageKeys(pages)).toEqual(['active 1', 'active 2', 'active 3', 'pending 1', 'pending 2']);
    expect(pages.map((page) => page.isLastPage)).toEqual([false, false, false, false, true]);
    expect(handedOnEmails(pages)).toEqual(zoom.users.map((user) => user.email));
    expect(progress.map((report) => report.stageCompleted)).toEqual([false, false, false, false, true]);
    expect(fetched).toMatchObject({ status: 'completed', passIndex: 3, usersFetched: 8, failureReason: null });
    expect(fetched.finishedAt).toBeInstanceOf(Date);
    expectCountsToBalance(fetched, pages, progress);
    expect(fakes.pause.requestedMs).toEqual([]);
  });

  it('hands the job back after its current page when stopped, and the next claim resumes there', async () => {
    const zoom = new FakeZoomUsers({ active: 5, inactive: 1, pending: 1 });
    const job = await claimQueuedJob();
    const runner = createRunner(replica, fakesFor(zoom));
    zoom.onRequest = (_request, requestNumber) => {
      if (requestNumber === 2) {
        runner.stop();
      }
    };
    const stoppedAround = Date.now();

    await runner.run(job);

    const stopped = await outcomeOf(job.runId);
    expect(zoom.requests).toHaveLength(2);
    expect(pageKeys(stopped.pages)).toEqual(['active 1', 'active 2']);
    expect(stopped.job).toMatchObject({ status: 'queued', lockedUntil: null, failureReason: null, finishedAt: null, usersFetched: 4 });
    expect(checkpointOf(stopped.job)).toEqual({ passIndex: 0, nextPageToken: expect.any(String), pageNumber: 3 });
    expect(stopped.job.notBefore.getTime()).toBeGreaterThanOrEqual(stoppedAround - 1000);
    expect(stopped.job.notBefore.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(stopped.progress.some((report) => report.failureReason)).toBe(false);

    const resumed = await claimDue(replica, LEASE_SECONDS);
    await createRunner(replica, fakesFor(zoom)).run(resumed);

    expect(zoom.requests[2]).toMatchObject({ status: 'active', nextPageToken: stopped.job.nextPageToken });
    const { job: fetched, pages, progress } = await outcomeOf(job.runId);
    expect(pageKeys(pages)).toEqual(['active 1', 'active 2', 'active 3', 'inactive 1', 'pending 1']);
    expect(fetched.status).toBe('completed');
    expectCountsToBalance(fetched, pages, progress);
  });

  it('fails the run with the reason when the credentials service refuses the Zoom credential', async () => {
    const zoom = new FakeZoomUsers({ active: 1 });
    const job = await claimQueuedJob();
    const fakes = fakesFor(zoom);
    fakes.credentials.refusal = new CredentialProblemError(422, 'Zoom rejected the client secret');

    await createRunner(replica, fakes).run(job);

    const { job: failed, progress } = await outcomeOf(job.runId);
    const reason = 'Zoom credential zoom-credential-1: Zoom rejected the client secret';
    expect(failed).toMatchObject({ status: 'failed', failureReason: reason, lockedUntil: null });
    expect(progress).toEqual([
      expect.objectContaining({
        stage: 'fetch',
        stageCompleted: true,
        processed: 0,
        failureReason: reason,
        failureKind: 'credential_invalid',
      }),
    ]);
    expect(zoom.requests).toEqual([]);
  });

  it('waits out the credentials service being unavailable (handed back, the scheduler told until when), then carries on', async () => {
    const zoom = new FakeZoomUsers({ active: 3 });
    const job = await claimQueuedJob();
    const fakes = fakesFor(zoom);
    fakes.credentials.unavailable = true;

    await createRunner(replica, fakes).run(job);

    const { job: waiting, progress } = await outcomeOf(job.runId);
    expect(waiting).toMatchObject({ status: 'queued', lockedUntil: null, failureReason: null });
    expect(waiting.troubledSince).toBeInstanceOf(Date);
    expect(Math.abs(waiting.notBefore.getTime() - (Date.now() + TROUBLE_RETRY_SECONDS * 1000))).toBeLessThan(5_000);
    expect(progress).toEqual([expect.objectContaining({ stageCompleted: false, waitingUntil: waiting.notBefore.toISOString() })]);

    fakes.credentials.unavailable = false;
    await database.makeDue(job.runId);
    await createRunner(replica, fakes).run(await claimDue(replica, LEASE_SECONDS));

    expect(await database.job(job.runId)).toMatchObject({ status: 'completed', usersFetched: 3, troubledSince: null });
  });

  describe('when Zoom refuses the access token (code 124)', () => {
    it('has it renewed once and carries on with the new token', async () => {
      const zoom = new FakeZoomUsers({ active: 5, inactive: 1, pending: 1 }).answer(2, zoomAnswers.invalidAccessToken());
      const job = await claimQueuedJob();
      const fakes = fakesFor(zoom);

      await createRunner(replica, fakes).run(job);

      expect(fakes.credentials.renewals).toEqual([{ credentialId: 'zoom-credential-1', refusedAccessToken: 'token-1' }]);
      expect(zoom.requests[2]).toEqual({ ...zoom.requests[1], accessToken: 'token-2' });
      expect(zoom.requests.slice(2).map((request) => request.accessToken)).toEqual(Array(zoom.requests.length - 2).fill('token-2'));
      const { job: fetched, pages, progress } = await outcomeOf(job.runId);
      expect(fetched.status).toBe('completed');
      expect(pageKeys(pages)).toEqual(['active 1', 'active 2', 'active 3', 'inactive 1', 'pending 1']);
      expectCountsToBalance(fetched, pages, progress);
    });

    it('has it renewed again when the new token expires later in the run', async () => {
      const zoom = new FakeZoomUsers({ active: 5, inactive: 1, pending: 1 })
        .answer(2, zoomAnswers.invalidAccessToken())
        .answer(5, zoomAnswers.invalidAccessToken());
      const job = await claimQueuedJob();
      const fakes = fakesFor(zoom);

      await createRunner(replica, fakes).run(job);

      expect(fakes.credentials.renewals.map((renewal) => renewal.refusedAccessToken)).toEqual(['token-1', 'token-2']);
      expect((await database.job(job.runId)).status).toBe('completed');
    });

    it('fails the run when Zoom refuses the freshly minted token too', async () => {
      const zoom = new FakeZoomUsers({ active: 5 }).answer(2, zoomAnswers.invalidAccessToken()).answer(3, zoomAnswers.invalidAccessToken());
      const job = await claimQueuedJob();
      const fakes = fakesFor(zoom);

      await createRunner(replica, fakes).run(job);

      expect(fakes.credentials.renewals).toHaveLength(1);
      expect(zoom.requests).toHaveLength(3);
      const { job: failed, pages, progress } = await outcomeOf(job.runId);
      const reason = 'Zoom refused a freshly minted access token (code 124)';
      expect(failed).toMatchObject({ status: 'failed', failureReason: reason, lockedUntil: null });
      expect(failed.finishedAt).toBeInstanceOf(Date);
      expect(pageKeys(pages)).toEqual(['active 1']);
      expect(progress.at(-1)).toMatchObject({
        stage: 'fetch',
        stageCompleted: true,
        failureReason: reason,
        failureKind: 'credential_invalid',
      });
    });
  });

  describe('when a page token expired (400 code 300)', () => {
    it('restarts the pass from its first page and hands every page on, so nothing is lost', async () => {
      const zoom = new FakeZoomUsers({ active: 5, inactive: 1, pending: 1 }).answer(3, zoomAnswers.pageTokenExpired());
      const job = await claimQueuedJob();

      await createRunner(replica, fakesFor(zoom)).run(job);

      expect(zoom.requests[2]).toMatchObject({ status: 'active', nextPageToken: expect.any(String) });
      expect(zoom.requests[3]).toMatchObject({ status: 'active', nextPageToken: undefined });
      const { job: fetched, pages, progress } = await outcomeOf(job.runId);
      expect(pageKeys(pages)).toEqual(['active 1', 'active 2', 'active 1', 'active 2', 'active 3', 'inactive 1', 'pending 1']);
      expect(new Set(handedOnEmails(pages))).toEqual(new Set(zoom.users.map((user) => user.email)));
      expect(fetched).toMatchObject({ status: 'completed', usersFetched: 11 });
      expectCountsToBalance(fetched, pages, progress);
    });

    it('fails the run when Zoom refuses a first page with code 300, which no restart can cure', async () => {
      const zoom = new FakeZoomUsers({ active: 1 }).answerFrom(1, zoomAnswers.validationFailed());
      const job = await claimQueuedJob();

      await createRunner(replica, fakesFor(zoom)).run(job);

      expect(zoom.requests).toHaveLength(1);
      const failed = await database.job(job.runId);
      expect(failed).toMatchObject({ status: 'failed', failureReason: 'Zoom answered 400 code 300: Validation Failed.' });
    });
  });

  describe('when Zoom rate-limits (429)', () => {
    it('waits as long as Retry-After says, or a second without it, extending its lease, and carries on', async () => {
      const zoom = new FakeZoomUsers({ active: 3, inactive: 1, pending: 1 })
        .answer(1, zoomAnswers.perSecondLimit('3'))
        .answer(2, zoomAnswers.perSecondLimit(null));
      const job = await claimQueuedJob(SHORT_LEASE_SECONDS);
      const leaseWhenRetried = leaseSeenAt(zoom, job, 3);
      const fakes = fakesFor(zoom);

      await createRunner(replica, fakes).run(job);

      expect(fakes.pause.requestedMs).toEqual([3000, 1000]);
      expect(zoom.requests.slice(0, 3).map(({ status, nextPageToken }) => ({ status, nextPageToken }))).toEqual(
        Array(3).fill({ status: 'active', nextPageToken: undefined }),
      );
      expectExtendedLease(leaseWhenRetried());
      const { job: fetched, pages, progress } = await outcomeOf(job.runId);
      expect(fetched.status).toBe('completed');
      expect(pageKeys(pages)).toEqual(['active 1', 'active 2', 'inactive 1', 'pending 1']);
      expectCountsToBalance(fetched, pages, progress);
    });

    it('stops waiting when shutdown begins, without failing the run: another replica resumes it', async () => {
      const zoom = new FakeZoomUsers({ active: 3 }).answer(1, zoomAnswers.perSecondLimit('300'));
      const job = await claimQueuedJob();
      const fakes = fakesFor(zoom);
      // A Retry-After of five minutes, cut short by shutdown.
      fakes.pause.for = () => Promise.reject(new PauseInterrupted());

      await createRunner(replica, fakes).run(job);

      const { job: interrupted, progress } = await outcomeOf(job.runId);
      expect(interrupted).toMatchObject({ status: 'fetching', failureReason: null });
      expect(progress.filter((report) => report.failureReason)).toEqual([]);
    });

    it('hands the fetch back for a while when one request is rate-limited 30 times in a row', async () => {
      const zoom = new FakeZoomUsers({ active: 1 }).answerFrom(1, zoomAnswers.perSecondLimit('1'));
      const job = await claimQueuedJob();
      const fakes = fakesFor(zoom);

      await createRunner(replica, fakes).run(job);

      expect(fakes.pause.requestedMs).toEqual(Array(30).fill(1000));
      expect(zoom.requests).toHaveLength(31);
      const waiting = await database.job(job.runId);
      expect(waiting).toMatchObject({ status: 'queued', failureReason: null });
      expect(waiting.troubledSince).toBeInstanceOf(Date);
    });

    it('postpones the fetch to the daily reset with its checkpoint, and resumes there after the reset', async () => {
      const resetsAt = nextUtcMidnight();
      const zoom = new FakeZoomUsers({ active: 5, inactive: 1, pending: 1 }).answer(3, zoomAnswers.dailyLimit(resetsAt));
      const job = await claimQueuedJob();
      const fakes = fakesFor(zoom);

      await createRunner(replica, fakes).run(job);

      const postponed = await outcomeOf(job.runId);
      expect(postponed.job).toMatchObject({ status: 'queued', lockedUntil: null, failureReason: null, usersFetched: 4 });
      expect(checkpointOf(postponed.job)).toEqual({ passIndex: 0, nextPageToken: zoom.requests[2].nextPageToken, pageNumber: 3 });
      expect(Math.abs(postponed.job.notBefore.getTime() - resetsAt.getTime())).toBeLessThan(1000);
      expect(pageKeys(postponed.pages)).toEqual(['active 1', 'active 2']);
      expect(postponed.progress.some((report) => report.failureReason)).toBe(false);
      // The scheduler hears the run waits for the reset, so its watchdog does not take it for stalled.
      const waits = postponed.progress.filter((report) => report.waitingUntil !== undefined);
      expect(waits.map((report) => Math.abs(new Date(report.waitingUntil!).getTime() - resetsAt.getTime()) < 1000)).toEqual([true]);
      expect(fakes.pause.requestedMs).toEqual([]);
      expect(await replica.store.claim(LEASE_SECONDS)).toBeUndefined();

      // Zoom's answer holds for the account until the reset: another fetch on it does not ask Zoom before then.
      const other = await claimQueuedJob();
      await createRunner(replica, fakesFor(zoom)).run(other);
      expect(zoom.requests).toHaveLength(3);
      expect((await database.job(other.runId)).notBefore.getTime() - resetsAt.getTime()).toBeLessThan(1000);

      await database.newZoomDay();
      await database.makeDue(job.runId);
      await createRunner(replica, fakesFor(zoom)).run(await claimDue(replica, LEASE_SECONDS));

      expect(zoom.requests[3]).toEqual(zoom.requests[2]);
      const { job: fetched, pages, progress } = await outcomeOf(job.runId);
      expect(fetched.status).toBe('completed');
      expect(pageKeys(pages)).toEqual(['active 1', 'active 2', 'active 3', 'inactive 1', 'pending 1']);
      expectCountsToBalance(fetched, pages, progress);
    });
    it("postpones the fetch to the reset without asking Zoom once the account's counted daily calls are used up", async () => {
      const zoom = new FakeZoomUsers({ active: 5, inactive: 1, pending: 1 });
      const job = await claimQueuedJob();

      await createRunner(replica, fakesFor(zoom), { medium: 2 }).run(job);

      expect(zoom.requests.length).toBeLessThanOrEqual(2);
      const postponed = await outcomeOf(job.runId);
      expect(postponed.job).toMatchObject({ status: 'queued', lockedUntil: null, failureReason: null });
      expect(Math.abs(postponed.job.notBefore.getTime() - nextUtcMidnight().getTime())).toBeLessThan(1000);
    });
  });

  describe('when Zoom fails (5xx)', () => {
    it('retries with growing pauses, extending its lease, and carries on', async () => {
      const zoom = new FakeZoomUsers({ active: 3 }).answer(1, zoomAnswers.serverError(503)).answer(2, zoomAnswers.serverError(502));
      const job = await claimQueuedJob(SHORT_LEASE_SECONDS);
      const leaseWhenRetried = leaseSeenAt(zoom, job, 3);
      const fakes = fakesFor(zoom);

      await createRunner(replica, fakes).run(job);

      expect(fakes.pause.requestedMs).toEqual([500, 1000]);
      expect(zoom.requests[2]).toEqual(zoom.requests[0]);
      expectExtendedLease(leaseWhenRetried());
      expect(await database.job(job.runId)).toMatchObject({ status: 'completed', usersFetched: 3 });
    });

    it(`hands the fetch back for a while after ${MAX_ATTEMPTS} attempts of one request, and fails the run once the trouble outlasts the patience`, async () => {
      const zoom = new FakeZoomUsers({ active: 3 }).answerFrom(2, zoomAnswers.serverError(503));
      const job = await claimQueuedJob();
      const fakes = fakesFor(zoom);

      await createRunner(replica, fakes).run(job);

      expect(zoom.requests).toHaveLength(1 + MAX_ATTEMPTS);
      expect(fakes.pause.requestedMs).toEqual([500, 1000]);
      const waiting = await database.job(job.runId);
      expect(waiting).toMatchObject({ status: 'queued', failureReason: null, pageNumber: 2 });

      // The trouble goes on past FETCH_TROUBLE_PATIENCE_MINUTES.
      await database.troubledFor(job.runId, TROUBLE_PATIENCE_MINUTES + 1);
      await database.makeDue(job.runId);
      await createRunner(replica, fakes).run(await claimDue(replica, LEASE_SECONDS));

      const { job: failed, pages, progress } = await outcomeOf(job.runId);
      expect(failed).toMatchObject({
        status: 'failed',
        failureReason: `Zoom answered 503: HTTP 503 (still failing after ${TROUBLE_PATIENCE_MINUTES + 1} minutes of retries)`,
      });
      expect(progress.at(-1)?.failureKind).toBeUndefined();
      expect(pageKeys(pages)).toEqual(['active 1']);
    });
  });

  describe('the directory it leaves behind', () => {
    const directory = () => new ZoomDirectory(replica.dataSource);

    it("holds every user listed, and a census in which Zoom's summary matches them", async () => {
      const zoom = new FakeZoomUsers({ active: 3, inactive: 2, pending: 1 });
      zoom.change('active-1', { type: 2 });

      await createRunner(replica, fakesFor(zoom)).run(await claimQueuedJob());

      expect(await directory().counts('zoom-credential-1')).toEqual({ licensed: 1, basic: 0, joinOnly: 4, pending: 1 });
      expect((await directory().census('zoom-credential-1'))?.offsets).toEqual({ licensed: 0, basic: 0, joinOnly: 0, pending: 0 });
    });

    it('takes the census after Zoom failed the summary request for a moment', async () => {
      const zoom = new FakeZoomUsers({ active: 3 });
      zoom.summaryFailures.push(zoomAnswers.serverError(503), zoomAnswers.perSecondLimit('1'));
      const fakes = fakesFor(zoom);

      await createRunner(replica, fakes).run(await claimQueuedJob());

      expect(zoom.summaryRequests).toBe(3);
      expect(fakes.pause.requestedMs).toEqual([500, 1000]);
      expect((await directory().census('zoom-credential-1'))?.offsets).toEqual({ licensed: 0, basic: 0, joinOnly: 0, pending: 0 });
    });

    it('takes no census after a fetch that did not list every status', async () => {
      await database.queueJob({ userStatuses: ['active'] });

      await createRunner(replica, fakesFor(new FakeZoomUsers({ active: 3 }))).run(await claimDue(replica, LEASE_SECONDS));

      expect(await directory().census('zoom-credential-1')).toBeNull();
    });

    it('marks a user the next complete listing no longer shows as removed', async () => {
      const zoom = new FakeZoomUsers({ active: 3 });
      await createRunner(replica, fakesFor(zoom)).run(await claimQueuedJob());
      zoom.remove('active-2');

      await createRunner(replica, fakesFor(zoom)).run(await claimQueuedJob());

      expect(await directory().counts('zoom-credential-1')).toMatchObject({ joinOnly: 2 });
      expect(await replica.dataSource.query(`SELECT user_key, status FROM known_users WHERE status = 'removed'`)).toEqual([
        { user_key: 'active-2', status: 'removed' },
      ]);
    });
  });
});
