import { waitFor } from '@zoom-oomnitza-sync/testing';
import { FetchJobEntity } from '../src/fetch-jobs/fetch-job.entity';
import { BreakableOutbox } from './support/breakable-outbox';
import { FakeZoomUsers } from './support/fake-zoom-users';
import { checkpointOf, expectCountsToBalance, handedOnEmails, pageKeys } from './support/fetch-expectations';
import { claimDue, FetcherDatabase, Replica } from './support/fetcher-database';
import { createRunner, fakesFor, LEASE_SECONDS } from './support/runner-factory';

describe('a fetch taken over by another replica', () => {
  let database: FetcherDatabase;
  let replicaB: Replica;

  beforeAll(async () => {
    database = await FetcherDatabase.create('fetch_takeover');
    replicaB = await database.replica();
  });

  beforeEach(() => database.clear());

  afterAll(() => database?.close());

  it('stops the replica that lost its lease without failing the run or writing its page', async () => {
    const replicaA = await database.replica();
    const zoom = new FakeZoomUsers({ active: 5, inactive: 1, pending: 1 });
    const queued = await database.queueJob();
    const jobA = await claimDue(replicaA, LEASE_SECONDS);
    let jobB: FetchJobEntity | undefined;
    // While replica A waits for its second page, its lease runs out and replica B takes the job.
    zoom.onRequest = async (_request, requestNumber) => {
      if (requestNumber !== 2) {
        return;
      }
      await database.expireLease(queued.runId);
      jobB = await claimDue(replicaB, LEASE_SECONDS);
    };

    await createRunner(replicaA, fakesFor(zoom)).run(jobA);

    expect(zoom.requests).toHaveLength(2);
    const stored = await database.job(queued.runId);
    expect(stored).toMatchObject({ status: 'fetching', failureReason: null, usersFetched: 2 });
    expect(stored.lockedUntil?.getTime()).toBe(jobB?.lockedUntil?.getTime());
    expect(checkpointOf(stored)).toEqual({ passIndex: 0, nextPageToken: zoom.requests[1].nextPageToken, pageNumber: 2 });
    expect(pageKeys(await database.pages(queued.runId))).toEqual(['active 1']);
    expect((await database.progress(queued.runId)).some((report) => report.failureReason)).toBe(false);
  });

  it('neither loses nor repeats a page when a replica dies mid-page', async () => {
    const dyingOutbox = new BreakableOutbox();
    const replicaA = await database.replica(dyingOutbox);
    const zoom = new FakeZoomUsers({ active: 5, inactive: 3, pending: 1 });
    const queued = await database.queueJob();
    dyingOutbox.breakAt('inactive', 2, 'replica-dies');

    const runA = createRunner(replicaA, fakesFor(zoom)).run(await claimDue(replicaA, LEASE_SECONDS));
    await waitFor(() => dyingOutbox.broken, { intervalMs: 5, description: 'replica A to die' });
    // Its lease would run out; replica B then claims the job (once the dead connection's row lock is gone).
    await database.expireLease(queued.runId);
    const jobB = await waitFor(() => replicaB.store.claim(LEASE_SECONDS), { intervalMs: 5, description: "replica B's takeover" });
    // Where replica A stood before the page it died on: the request for inactive page 2.
    expect(checkpointOf(jobB)).toEqual({ passIndex: 1, nextPageToken: zoom.requests[4].nextPageToken, pageNumber: 2 });
    await createRunner(replicaB, fakesFor(zoom)).run(jobB);

    const expectations = async () => {
      const job = await database.job(queued.runId);
      const pages = await database.pages(queued.runId);
      expect(job).toMatchObject({ status: 'completed', failureReason: null });
      expect(pageKeys(pages)).toEqual(['active 1', 'active 2', 'active 3', 'inactive 1', 'inactive 2', 'pending 1']);
      expect(handedOnEmails(pages)).toEqual(zoom.users.map((user) => user.email));
      expectCountsToBalance(job, pages, await database.progress(queued.runId));
    };
    await expectations();

    // When the dead replica finally hears back, it has lost the job and changes nothing.
    dyingOutbox.wake();
    await runA;
    await expectations();
  });
});
