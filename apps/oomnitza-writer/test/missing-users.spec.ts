import { OomnitzaRecordsWritten, STANDARD_MAPPING } from '@zoom-oomnitza-sync/contracts';
import { deliver, writeOutsideRuns } from './support/deliver';
import { MappedRun, STATUS_FIELD, SYNC_FIELD } from './support/mapped-run';
import { WriterReplica, WriterTestBed } from './support/writer-test-bed';

const emailOf = MappedRun.emailOf;

describe('users synced before and missing from a clean full sync', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_missing_users');
  });

  beforeEach(() => bed.clear());

  afterAll(async () => {
    await bed?.destroy();
  });

  /** A first run writes users 1..count; the next run (returned) reads only `seen` of them. */
  async function nextRunSeeing(replica: WriterReplica, count: number, seen: number[]): Promise<MappedRun> {
    const first = new MappedRun();
    await replica.learn(first.integrationChanged());
    await replica.write(first.batch(first.users(1, count), { isLastBatch: true }));
    const next = first.next();
    await replica.write(
      next.batch(
        seen.map((user) => next.user(user)),
        { isLastBatch: true },
      ),
    );
    return next;
  }

  const statuses = (replica: WriterReplica) =>
    Object.fromEntries(replica.oomnitza.people().map((person) => [person[SYNC_FIELD], person[STATUS_FIELD]]));

  it('marks them Zoom Status deleted through the write loop, and never again after that', async () => {
    const replica = bed.newReplica();
    const run = await nextRunSeeing(replica, 5, [1, 2, 3]);
    const sentBefore = replica.oomnitza.requests.length;

    await replica.completed(run.completed(true));
    expect(replica.oomnitza.requests).toHaveLength(sentBefore);
    await writeOutsideRuns(bed, replica);

    const [rolling] = await bed.rollingPortions(run.integrationId);
    expect(replica.oomnitza.requests.slice(sentBefore)).toEqual([
      expect.objectContaining({
        portion: rolling.portionId,
        records: [
          { [SYNC_FIELD]: emailOf(4), [STATUS_FIELD]: 'deleted' },
          { [SYNC_FIELD]: emailOf(5), [STATUS_FIELD]: 'deleted' },
        ],
      }),
    ]);
    expect(statuses(replica)).toEqual({
      [emailOf(1)]: 'active',
      [emailOf(2)]: 'active',
      [emailOf(3)]: 'active',
      [emailOf(4)]: 'deleted',
      [emailOf(5)]: 'deleted',
    });
    expect((await bed.syncStates(run.integrationId)).map((state) => state.removal)).toEqual([null, null, null, 'missing', 'missing']);
    expect((await bed.publishedOutsideRuns(OomnitzaRecordsWritten, run.integrationId)).map((report) => report.payload.updated)).toEqual([
      2,
    ]);

    const third = run.next();
    await replica.write(third.batch(third.users(1, 3), { isLastBatch: true }));
    await replica.completed(third.completed(true));
    await writeOutsideRuns(bed, replica);
    expect(replica.oomnitza.requests).toHaveLength(sentBefore + 1);
  });

  it('counts every record of the run as seen, unchanged ones too', async () => {
    const replica = bed.newReplica();
    const run = await nextRunSeeing(replica, 3, [1, 2, 3]);

    await replica.completed(run.completed(true));

    expect(await bed.pendingRecords(run.integrationId)).toEqual([]);
    expect((await bed.syncStates(run.integrationId)).map((state) => state.lastSeenRunId)).toEqual([run.runId, run.runId, run.runId]);
  });

  it('marks nothing after a run that was not clean: a user it did not see may only have been unmappable', async () => {
    const replica = bed.newReplica();
    const run = await nextRunSeeing(replica, 5, [1, 2, 3]);

    await replica.completed(run.completed(false));
    await writeOutsideRuns(bed, replica);

    expect(await bed.pendingRecords(run.integrationId)).toEqual([]);
    expect(Object.values(statuses(replica))).toEqual(['active', 'active', 'active', 'active', 'active']);
  });

  it('leaves alone a user seen since the run started, by a webhook or a later run', async () => {
    const replica = bed.newReplica();
    const run = await nextRunSeeing(replica, 5, [1, 2, 3]);
    const aMinuteIn = new Date(Date.parse(run.startedAt) + 60_000).toISOString();
    await deliver(bed, replica, run.changes([run.partialUser(4, { [STANDARD_MAPPING.dept]: 'Support' }, aMinuteIn)]));

    await replica.completed(run.completed(true));
    await writeOutsideRuns(bed, replica);

    expect(statuses(replica)).toMatchObject({ [emailOf(4)]: 'active', [emailOf(5)]: 'deleted' });
  });

  it('leaves alone a user whose webhook since the run started, changing nothing, is still waiting to be written', async () => {
    const replica = bed.newReplica();
    const run = await nextRunSeeing(replica, 5, [1, 2, 3]);
    const aMinuteIn = new Date(Date.parse(run.startedAt) + 60_000).toISOString();
    await replica.receive(run.changes([run.partialUser(4, { [STATUS_FIELD]: 'active' }, aMinuteIn)]));

    await replica.completed(run.completed(true));
    await writeOutsideRuns(bed, replica);

    expect(statuses(replica)).toMatchObject({ [emailOf(4)]: 'active', [emailOf(5)]: 'deleted' });
  });

  it('marks a missing user back in a later run again once it is gone again', async () => {
    const replica = bed.newReplica();
    const run = await nextRunSeeing(replica, 2, [1]);
    await replica.completed(run.completed(true));
    await writeOutsideRuns(bed, replica);
    const back = run.next();
    await replica.write(back.batch(back.users(1, 2), { isLastBatch: true }));
    expect(statuses(replica)).toEqual({ [emailOf(1)]: 'active', [emailOf(2)]: 'active' });

    const goneAgain = back.next();
    await replica.write(goneAgain.batch([goneAgain.user(1)], { isLastBatch: true }));
    await replica.completed(goneAgain.completed(true));
    await writeOutsideRuns(bed, replica);

    expect(statuses(replica)).toEqual({ [emailOf(1)]: 'active', [emailOf(2)]: 'deleted' });
  });
});
