import { STANDARD_MAPPING, ZoomRemoval } from '@zoom-oomnitza-sync/contracts';
import { deliver, writeOutsideRuns } from './support/deliver';
import { MappedRun, STATUS_FIELD, SYNC_FIELD } from './support/mapped-run';
import { WriterReplica, WriterTestBed } from './support/writer-test-bed';

const emailOf = MappedRun.emailOf;

describe('the removal policy: what a Zoom deletion or disassociation does in Oomnitza', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_removal_policy');
  });

  beforeEach(() => bed.clear());

  afterAll(async () => {
    await bed?.destroy();
  });

  /** An integration with `count` users synced by a first run. */
  async function synced(replica: WriterReplica, count: number, policy: 'mark' | 'ignore'): Promise<MappedRun> {
    const run = new MappedRun();
    await replica.learn(run.integrationChanged({ onZoomRemoval: policy }));
    await replica.write(run.batch(run.users(1, count), { isLastBatch: true }));
    return run;
  }

  const statusOf = (replica: WriterReplica, user: number) =>
    replica.oomnitza.people().find((person) => person[SYNC_FIELD] === emailOf(user))?.[STATUS_FIELD];

  it.each([
    ['deleted', 'deleted', 'deleted'],
    ['disassociated', 'disassociated', 'disassociated'],
    ['deactivated', 'inactive', null],
  ] as const)('mark: a user %s keeps its Oomnitza person, whose Zoom Status becomes %s', async (removal, status, removed) => {
    const replica = bed.newReplica();
    const run = await synced(replica, 2, 'mark');
    const sentBefore = replica.oomnitza.requests.length;

    await deliver(bed, replica, run.changes([run.removal(1, removal)]));

    expect(replica.oomnitza.requests.slice(sentBefore).map((request) => request.records)).toEqual([
      [{ [SYNC_FIELD]: emailOf(1), [STATUS_FIELD]: status }],
    ]);
    expect(replica.oomnitza.people()).toHaveLength(2);
    expect(statusOf(replica, 1)).toBe(status);
    expect((await bed.syncStates(run.integrationId)).map((state) => [state.syncKey, state.removal])).toEqual([
      [emailOf(1), removed],
      [emailOf(2), null],
    ]);
  });

  it('ignore: a deletion or disassociation changes nothing in Oomnitza, while a deactivation still sets inactive', async () => {
    const replica = bed.newReplica();
    const run = await synced(replica, 3, 'ignore');
    const sentBefore = replica.oomnitza.requests.length;

    await deliver(bed, replica, run.changes([run.removal(1, 'deleted'), run.removal(2, 'disassociated'), run.removal(3, 'deactivated')]));

    expect(replica.oomnitza.requests.slice(sentBefore).map((request) => request.records)).toEqual([
      [{ [SYNC_FIELD]: emailOf(3), [STATUS_FIELD]: 'inactive' }],
    ]);
    expect([1, 2, 3].map((user) => statusOf(replica, user))).toEqual(['active', 'active', 'inactive']);
    expect((await replica.metrics.dropped.get()).values).toEqual([
      expect.objectContaining({ labels: { reason: 'removal_ignored' }, value: 2 }),
    ]);
  });

  it('ignore: a clean full sync marks no user missing from it', async () => {
    const replica = bed.newReplica();
    const first = await synced(replica, 3, 'ignore');
    const next = first.next();
    await replica.write(next.batch(next.users(1, 1), { isLastBatch: true }));
    const sentBefore = replica.oomnitza.requests.length;

    await replica.completed(next.completed(true));
    await writeOutsideRuns(bed, replica);

    expect(replica.oomnitza.requests).toHaveLength(sentBefore);
    expect(await bed.pendingRecords(first.integrationId)).toEqual([]);
  });

  it('Create only: marks no missing user and holds no removal, as marking would change an existing person', async () => {
    const replica = bed.newReplica();
    const first = new MappedRun();
    await replica.learn(first.integrationChanged({ removalThresholdMinimum: 0, removalThresholdPercent: 0 }, 1, 'create_only'));
    await replica.write(first.batch(first.users(1, 3), { isLastBatch: true, preference: 'create_only' }));
    const next = first.next();
    await replica.write(next.batch(next.users(1, 1), { isLastBatch: true, preference: 'create_only' }));

    await replica.completed(next.completed(true));
    await replica.receive(next.changes([next.removal(2, 'deleted')], { preference: 'create_only' }));
    await writeOutsideRuns(bed, replica);

    expect(await bed.hold(first.integrationId)).toBeNull();
    expect([1, 2, 3].map((user) => statusOf(replica, user))).toEqual(['active', 'active', 'active']);
  });

  it('follows the newest settings: ignore, then mark again', async () => {
    const replica = bed.newReplica();
    const run = await synced(replica, 2, 'ignore');
    await replica.learn(run.integrationChanged({ onZoomRemoval: 'mark' }, 2));
    // A snapshot older than the one the writer has changes nothing.
    await replica.learn(run.integrationChanged({ onZoomRemoval: 'ignore' }, 1));

    await deliver(bed, replica, run.changes([run.removal(1, 'deleted')]));

    expect(statusOf(replica, 1)).toBe('deleted');
  });

  it.each(['deleted', 'deactivated'] as const)(
    'has a removal (%s) retried until the writer knows the integration, storing nothing meanwhile',
    async (removal: ZoomRemoval) => {
      const replica = bed.newReplica();
      const run = new MappedRun();

      await expect(replica.receive(run.changes([run.removal(1, removal)]))).rejects.toThrow(
        `integration ${run.integrationId} is not known to the writer yet`,
      );

      expect(await bed.pendingRecords(run.integrationId)).toEqual([]);
    },
  );

  it('writes other changes of an integration it does not know (they need no settings)', async () => {
    const replica = bed.newReplica();
    const run = new MappedRun();

    await deliver(bed, replica, run.changes([run.user(1, { [STANDARD_MAPPING.dept]: 'Support' })]));

    expect(replica.oomnitza.people()).toEqual([expect.objectContaining({ [SYNC_FIELD]: emailOf(1), [STANDARD_MAPPING.dept]: 'Support' })]);
  });
});
