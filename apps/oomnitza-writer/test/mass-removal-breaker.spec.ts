import { IntegrationChangedValue, RemovalsHeld, ZoomRemoval } from '@zoom-oomnitza-sync/contracts';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { deliver, writeOutsideRuns } from './support/deliver';
import { RemovalHolds } from '../src/removals/removal-holds';
import { MappedRun, STATUS_FIELD, SYNC_FIELD } from './support/mapped-run';
import { WriterReplica, WriterTestBed } from './support/writer-test-bed';

const emailOf = MappedRun.emailOf;
const HOUR_MS = 60 * 60 * 1000;
const range = (first: number, count: number) => Array.from({ length: count }, (_, index) => first + index);

describe('the mass-removal circuit breaker: too many removals at once wait for approval', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_breaker');
  });

  beforeEach(() => bed.clear());

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await bed?.destroy();
  });

  /** An integration with users 1..count synced by a first run (the returned run). */
  async function synced(replica: WriterReplica, count: number, settings: Partial<IntegrationChangedValue> = {}): Promise<MappedRun> {
    const run = new MappedRun();
    await replica.learn(run.integrationChanged(settings));
    for (let first = 1; first <= count; first += 500) {
      await replica.write(run.batch(run.users(first, Math.min(500, count - first + 1)), { isLastBatch: first + 500 > count }));
    }
    return run;
  }

  /** The next clean run reads every synced user but the `missing` last ones, and completes. */
  async function cleanRunMissing(replica: WriterReplica, first: MappedRun, count: number, missing: number): Promise<MappedRun> {
    const next = first.next();
    await replica.write(next.batch(next.users(1, count - missing), { isLastBatch: true }));
    await replica.completed(next.completed(true));
    await writeOutsideRuns(bed, replica);
    return next;
  }

  const marked = (replica: WriterReplica) =>
    replica.oomnitza
      .people()
      .filter((person) => person[STATUS_FIELD] !== 'active')
      .map((person) => String(person[SYNC_FIELD]));
  const heldReports = async (run: MappedRun) =>
    (await bed.publishedOutsideRuns(RemovalsHeld, run.integrationId)).concat(await bed.published(RemovalsHeld, run.runId));

  describe('a clean full sync', () => {
    it.each([
      ['10 % of 500 synced users', 500, 50],
      ['the 20-person minimum, more than 10 % of 100', 100, 20],
    ])('marks up to %s (%s people) at once', async (_, users, threshold) => {
      const replica = bed.newReplica();
      const first = await synced(replica, users);

      const run = await cleanRunMissing(replica, first, users, threshold);

      expect(marked(replica)).toHaveLength(threshold);
      expect(await bed.hold(first.integrationId)).toBeNull();
      expect(await heldReports(run)).toEqual([]);
    });

    it.each([
      ['10 % of 500 synced users', 500, 50],
      ['the 20-person minimum, more than 10 % of 100', 100, 20],
    ])('holds one more than %s, marking nobody, and tells the scheduler', async (_, users, threshold) => {
      const replica = bed.newReplica();
      const first = await synced(replica, users);
      const sentBefore = replica.oomnitza.requests.length;

      const run = await cleanRunMissing(replica, first, users, threshold + 1);

      expect(replica.oomnitza.requests).toHaveLength(sentBefore);
      expect(marked(replica)).toEqual([]);
      const hold = await bed.hold(first.integrationId);
      expect(hold).toMatchObject({ source: 'run', runId: run.runId, threshold, syncedUsers: users });
      const reports = await bed.published(RemovalsHeld, run.runId);
      expect(reports.map((report) => report.payload)).toEqual([
        {
          holdId: hold?.holdId,
          source: 'run',
          runId: run.runId,
          count: threshold + 1,
          threshold,
          syncedUsers: users,
          examples: range(users - threshold, threshold + 1)
            .map(emailOf)
            .sort()
            .slice(0, 10)
            .map((syncKey) => ({ syncKey, removal: 'missing' })),
        },
      ]);
      expect(await bed.pendingRecords(first.integrationId)).toHaveLength(threshold + 1);
    });

    it("takes the integration's own threshold", async () => {
      const replica = bed.newReplica();
      const first = await synced(replica, 10, { removalThresholdPercent: 0, removalThresholdMinimum: 2 });

      await cleanRunMissing(replica, first, 10, 3);

      expect(marked(replica)).toEqual([]);
      expect(await bed.hold(first.integrationId)).toMatchObject({ threshold: 2, syncedUsers: 10 });
    });
  });

  describe('approving or discarding', () => {
    it('approve: the held removals are written by the loop, and the hold closes', async () => {
      const replica = bed.newReplica();
      const first = await synced(replica, 100);
      await cleanRunMissing(replica, first, 100, 21);
      const hold = await bed.hold(first.integrationId);

      await replica.decided(bed.decision(hold!, 'approve'));
      await writeOutsideRuns(bed, replica);

      expect(marked(replica).sort()).toEqual(range(80, 21).map(emailOf).sort());
      expect(await bed.hold(first.integrationId)).toBeNull();
      expect(await bed.pendingRecords(first.integrationId)).toEqual([]);
      expect((await bed.syncStates(first.integrationId)).filter((state) => state.removal === 'missing')).toHaveLength(21);
    });

    it('discard: the held removals are dropped and nothing reaches Oomnitza', async () => {
      const replica = bed.newReplica();
      const first = await synced(replica, 100);
      await cleanRunMissing(replica, first, 100, 21);
      const hold = await bed.hold(first.integrationId);
      const sentBefore = replica.oomnitza.requests.length;

      await replica.decided(bed.decision(hold!, 'discard'));
      await writeOutsideRuns(bed, replica);

      expect(replica.oomnitza.requests).toHaveLength(sentBefore);
      expect(await bed.hold(first.integrationId)).toBeNull();
      expect(await bed.pendingRecords(first.integrationId)).toEqual([]);
    });

    it('changes nothing for a decision about a hold that is not open', async () => {
      const replica = bed.newReplica();
      const first = await synced(replica, 100);
      await cleanRunMissing(replica, first, 100, 21);
      const hold = await bed.hold(first.integrationId);

      await replica.decided(bed.decision({ ...hold!, holdId: '00000000-0000-4000-8000-000000000000' }, 'approve'));
      await writeOutsideRuns(bed, replica);

      expect(marked(replica)).toEqual([]);
      expect(await bed.hold(first.integrationId)).toEqual(hold);
    });

    it("adds a later run's missing users to the open hold", async () => {
      const replica = bed.newReplica();
      const first = await synced(replica, 100);
      const held = await cleanRunMissing(replica, first, 100, 21);

      const later = held.next();
      await replica.write(later.batch(later.users(1, 78), { isLastBatch: true }));
      await replica.completed(later.completed(true));

      // Reported as the hold it joined: the run that opened it.
      expect((await bed.published(RemovalsHeld, held.runId)).map((report) => report.payload.count)).toEqual([21, 22]);
      expect(await bed.pendingRecords(first.integrationId)).toHaveLength(22);
    });
  });

  describe('webhooks', () => {
    const removals: ZoomRemoval[] = ['deleted', 'disassociated', 'deactivated'];
    const deliverRemovals = async (replica: WriterReplica, run: MappedRun, users: number[]) => {
      for (const user of users) {
        await deliver(bed, replica, run.changes([run.removal(user, removals[user % 3])]));
      }
    };

    it("admits a webhook removal with four statements: the settings, the integration's removal lock, one read of the hold, the user and the hour's count, and the count's row", async () => {
      const replica = bed.newReplica();
      const run = await synced(replica, 100);
      const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');

      await replica.receive(run.changes([run.removal(1, 'deleted')]));

      const gate = statements.mock.calls
        .map(([sql]) => String(sql))
        .filter((sql) => /integration_settings|pg_advisory_xact_lock|removal_holds|webhook_removals|user_sync_state/.test(sql));
      expect(gate).toHaveLength(4);
      expect(gate[1]).toContain('pg_advisory_xact_lock');
      expect(gate[2]).toMatch(
        /removal_holds[\s\S]*user_sync_state[\s\S]*webhook_removals|webhook_removals[\s\S]*removal_holds[\s\S]*user_sync_state/,
      );
      await writeOutsideRuns(bed, replica);
      expect(marked(replica)).toEqual([emailOf(1)]);
    });

    it('write up to the threshold within an hour; the one more opens a hold that every later removal joins', async () => {
      const replica = bed.newReplica();
      const run = await synced(replica, 100);

      await deliverRemovals(replica, run, range(1, 20));
      expect(marked(replica)).toHaveLength(20);

      await deliverRemovals(replica, run, [21, 22]);

      expect(marked(replica)).toHaveLength(20);
      const hold = await bed.hold(run.integrationId);
      expect(hold).toMatchObject({ source: 'webhooks', runId: null, threshold: 20 });
      expect((await heldReports(run)).map((report) => report.payload)).toEqual([
        expect.objectContaining({
          holdId: hold?.holdId,
          source: 'webhooks',
          count: 1,
          examples: [{ syncKey: emailOf(21), removal: 'deleted' }],
        }),
        expect.objectContaining({ holdId: hold?.holdId, count: 2 }),
      ]);

      await replica.decided(bed.decision(hold!, 'approve'));
      await writeOutsideRuns(bed, replica);
      expect(marked(replica)).toHaveLength(22);

      // The decision starts the hour again.
      await deliverRemovals(replica, run, range(23, 20));
      expect(marked(replica)).toHaveLength(42);
    });

    it('never hold at 100 %: every synced user may be removed within the hour', async () => {
      const replica = bed.newReplica();
      const run = await synced(replica, 30, { removalThresholdPercent: 100 });

      await deliverRemovals(replica, run, range(1, 30));

      expect(marked(replica)).toHaveLength(30);
      expect(await bed.hold(run.integrationId)).toBeNull();
    });

    it('count the last hour only', async () => {
      const replica = bed.newReplica();
      const run = await synced(replica, 100);

      await deliverRemovals(replica, run, range(1, 20));
      bed.clock.advance(HOUR_MS);
      await deliverRemovals(replica, run, range(21, 20));

      expect(marked(replica)).toHaveLength(40);
      expect(await bed.hold(run.integrationId)).toBeNull();
    });

    it('count only removals that mark someone synced and not already removed', async () => {
      const replica = bed.newReplica();
      const run = await synced(replica, 100);
      await deliverRemovals(replica, run, range(1, 19));

      await deliver(bed, replica, run.changes([run.removal(1, 'deleted'), run.removal(500, 'deleted')]));
      await deliverRemovals(replica, run, [20]);

      expect(await bed.hold(run.integrationId)).toBeNull();
    });

    it('count the synced users only when the hour could exceed the threshold: never at 100 %, not up to the minimum', async () => {
      const replica = bed.newReplica();
      const unlimited = await synced(replica, 30, { removalThresholdPercent: 100 });
      const limited = await synced(replica, 100);
      const counted = jest.spyOn(RemovalHolds.prototype, 'limitFor');

      await deliverRemovals(replica, unlimited, range(1, 30));
      await deliverRemovals(replica, limited, range(1, 20));
      expect(counted).not.toHaveBeenCalled();

      await deliverRemovals(replica, limited, [21]);
      expect(counted).toHaveBeenCalledTimes(1);
      expect(await bed.hold(limited.integrationId)).toMatchObject({ threshold: 20 });
    });
  });
});
