import { FetchJobEntity } from '../src/fetch-jobs/fetch-job.entity';
import { FetchCheckpoint, FetchedPage, LeaseLostError } from '../src/fetch-jobs/fetch-job.store';
import { BreakableOutbox, Breakage } from './support/breakable-outbox';
import { zoomUsers } from './support/fake-zoom-users';
import { checkpointOf, pageKeys } from './support/fetch-expectations';
import { claimDue, FetcherDatabase, Replica } from './support/fetcher-database';

const LEASE_SECONDS = 60;
/** A lease that would run out at once: only the renewals keep the job. */
const TINY_LEASE_SECONDS = 0.05;

const firstPage = (): FetchedPage => ({
  userStatus: 'active',
  pageNumber: 1,
  users: zoomUsers('active', 2),
  isLastPage: false,
  observedAt: new Date(),
});
const afterFirstPage: FetchCheckpoint = { passIndex: 0, nextPageToken: 'token-of-page-2', pageNumber: 2 };

/** What a recorded page changes about a job, besides its lease. */
const progressOf = (job: FetchJobEntity) => ({ status: job.status, usersFetched: job.usersFetched, ...checkpointOf(job) });

describe('FetchJobStore', () => {
  let database: FetcherDatabase;
  let replicaA: Replica;
  let replicaB: Replica;

  beforeAll(async () => {
    database = await FetcherDatabase.create('fetch_job_store');
    replicaA = await database.replica();
    replicaB = await database.replica();
  });

  beforeEach(() => database.clear());

  afterAll(() => database?.close());

  describe('claims', () => {
    it('hands out the oldest requested job first, each to one replica, and nothing once all are taken', async () => {
      const now = Date.now();
      const newest = await database.queueJob({ requestedAt: new Date(now - 1_000) });
      const oldest = await database.queueJob({ requestedAt: new Date(now - 3_000) });
      const middle = await database.queueJob({ requestedAt: new Date(now - 2_000) });

      const first = await replicaA.store.claim(LEASE_SECONDS);
      // At the same time: the tenant's row is locked by one claim, so the other may find nothing this time.
      const together = await Promise.all([replicaA.store.claim(LEASE_SECONDS), replicaB.store.claim(LEASE_SECONDS)]);
      const later = await replicaB.store.claim(LEASE_SECONDS);

      expect(first?.runId).toBe(oldest.runId);
      const others = [...together, later].flatMap((job) => (job ? [job.runId] : []));
      expect(others.sort()).toEqual([middle.runId, newest.runId].sort());
      expect(await replicaB.store.claim(LEASE_SECONDS)).toBeUndefined();
      const claimed = await database.job(oldest.runId);
      expect(claimed.status).toBe('fetching');
      expect(claimed.lockedUntil?.getTime()).toBe(first?.lockedUntil?.getTime());
    });

    it('leaves a postponed job alone until its time has come', async () => {
      const postponed = await database.queueJob({ notBefore: new Date(Date.now() + 3_600_000) });

      expect(await replicaA.store.claim(LEASE_SECONDS)).toBeUndefined();
      await database.makeDue(postponed.runId);
      expect((await replicaA.store.claim(LEASE_SECONDS))?.runId).toBe(postponed.runId);
    });

    it("takes tenants in turns: a tenant with 1,000 queued runs delays another tenant's run by one claim at most", async () => {
      const now = Date.now();
      await database.queueJobs('busy', 1000, new Date(now - 60_000));
      const scheduled = await database.queueJob({ tenantId: 'quiet', requestedAt: new Date(now) });

      const claims = [await replicaA.store.claim(LEASE_SECONDS), await replicaA.store.claim(LEASE_SECONDS)];

      expect(claims.map((job) => job?.tenantId)).toEqual(['busy', 'quiet']);
      expect(claims[1]?.runId).toBe(scheduled.runId);
    });

    it('lets a tenant fetch at most its concurrency at once; the next waits for a lease to end', async () => {
      const jobs = [await database.queueJob(), await database.queueJob(), await database.queueJob()];

      expect(await replicaA.store.claim(LEASE_SECONDS, 2)).toBeDefined();
      expect(await replicaB.store.claim(LEASE_SECONDS, 2)).toBeDefined();
      expect(await replicaB.store.claim(LEASE_SECONDS, 2)).toBeUndefined();

      const claimed = await Promise.all(jobs.map((job) => database.job(job.runId)));
      await database.expireLease(claimed.find((job) => job.status === 'fetching')!.runId);
      expect(await replicaB.store.claim(LEASE_SECONDS, 2)).toBeDefined();
    });

    it('never hands out a finished job', async () => {
      await database.queueJob({ status: 'completed', finishedAt: new Date() });
      await database.queueJob({ status: 'failed', finishedAt: new Date(), failureReason: 'Zoom said no' });

      expect(await replicaA.store.claim(LEASE_SECONDS)).toBeUndefined();
    });
  });

  describe('leases', () => {
    it('let another replica take over a job whose lease ran out; the first one can then change nothing', async () => {
      const queued = await database.queueJob();
      const jobA = await claimDue(replicaA, LEASE_SECONDS);
      expect(await replicaB.store.claim(LEASE_SECONDS)).toBeUndefined();

      // Replica A stops renewing (it hangs, or it died): its lease runs out.
      await database.expireLease(queued.runId);
      const jobB = await claimDue(replicaB, LEASE_SECONDS);
      expect(jobB.runId).toBe(queued.runId);
      const takenOver = progressOf(await database.job(queued.runId));

      await expect(replicaA.store.recordPage(jobA, firstPage(), afterFirstPage, LEASE_SECONDS)).rejects.toThrow(LeaseLostError);
      await expect(replicaA.store.extendLease(jobA, LEASE_SECONDS)).rejects.toThrow(LeaseLostError);
      await expect(replicaA.store.postpone(jobA, new Date(), afterFirstPage)).rejects.toThrow(LeaseLostError);
      await expect(replicaA.store.fail(jobA, 'replica A gives up')).rejects.toThrow(LeaseLostError);
      expect(await database.pages(queued.runId)).toEqual([]);
      expect(await database.progress(queued.runId)).toEqual([]);
      expect(progressOf(await database.job(queued.runId))).toEqual(takenOver);
      expect((await database.job(queued.runId)).lockedUntil?.getTime()).toBe(jobB.lockedUntil?.getTime());

      await replicaB.store.recordPage(jobB, firstPage(), afterFirstPage, LEASE_SECONDS);
      expect(await database.pages(queued.runId)).toHaveLength(1);
    });

    it('are renewed by each recorded page and by extendLease, so the job is not taken over while being worked on', async () => {
      const queued = await database.queueJob();
      const job = await claimDue(replicaA, TINY_LEASE_SECONDS);
      const storedLease = async () => (await database.job(queued.runId)).lockedUntil?.getTime();

      await replicaA.store.recordPage(job, firstPage(), afterFirstPage, LEASE_SECONDS);
      expect(await storedLease()).toBeGreaterThan(Date.now() + (LEASE_SECONDS - 5) * 1000);
      await replicaA.store.extendLease(job, 2 * LEASE_SECONDS);
      expect(await storedLease()).toBeGreaterThan(Date.now() + (2 * LEASE_SECONDS - 5) * 1000);

      expect(await storedLease()).toBe(job.lockedUntil?.getTime());
      expect(await replicaB.store.claim(LEASE_SECONDS)).toBeUndefined();
    });
  });

  describe.each<[Breakage, RegExp]>([
    ['write-fails', /the outbox write failed/],
    ['connection-dies', /terminating connection/],
  ])('a page whose transaction breaks (%s)', (breakage, error) => {
    it('leaves no outbox row and the old checkpoint; after a takeover the page is recorded once', async () => {
      const outbox = new BreakableOutbox();
      const breaking = await database.replica(outbox);
      const queued = await database.queueJob();
      const job = await claimDue(breaking, LEASE_SECONDS);
      const before = progressOf(await database.job(queued.runId));

      outbox.breakAt('active', 1, breakage);
      await expect(breaking.store.recordPage(job, firstPage(), afterFirstPage, LEASE_SECONDS)).rejects.toThrow(error);

      expect(await database.pages(queued.runId)).toEqual([]);
      expect(await database.progress(queued.runId)).toEqual([]);
      expect(progressOf(await database.job(queued.runId))).toEqual(before);
      expect(progressOf(job)).toEqual(before);

      await database.expireLease(queued.runId);
      const takenOver = await claimDue(replicaB, LEASE_SECONDS);
      expect(checkpointOf(takenOver)).toEqual({ passIndex: 0, nextPageToken: null, pageNumber: 1 });
      await replicaB.store.recordPage(takenOver, firstPage(), afterFirstPage, LEASE_SECONDS);
      await expect(breaking.store.recordPage(job, firstPage(), afterFirstPage, LEASE_SECONDS)).rejects.toThrow(LeaseLostError);

      expect(pageKeys(await database.pages(queued.runId))).toEqual(['active 1']);
      expect((await database.progress(queued.runId)).map((progress) => progress.processed)).toEqual([2]);
      expect(progressOf(await database.job(queued.runId))).toEqual({ status: 'fetching', ...afterFirstPage, usersFetched: 2 });
    });
  });
});
