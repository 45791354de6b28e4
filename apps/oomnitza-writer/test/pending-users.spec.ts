import { OOMNITZA_USERNAME_FIELD, STANDARD_MAPPING } from '@zoom-oomnitza-sync/contracts';
import { deliver } from './support/deliver';
import { MappedRun, RUN_TIME_FIELD, STATUS_FIELD, SYNC_FIELD, ZOOM_ID_FIELD } from './support/mapped-run';
import { WriterReplica, WriterTestBed } from './support/writer-test-bed';

const emailOf = MappedRun.emailOf;

describe('a pending user (no Zoom ID yet, keyed by email) gets its Zoom ID once Zoom gives it one', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_pending_users');
  });

  beforeEach(() => bed.clear());

  afterAll(async () => {
    await bed?.destroy();
  });

  async function invited(replica: WriterReplica): Promise<MappedRun> {
    const run = new MappedRun();
    await replica.write(run.batch([run.pendingUser(1)], { isLastBatch: true }));
    expect(replica.oomnitza.people()).toEqual([expect.objectContaining({ [SYNC_FIELD]: emailOf(1), [ZOOM_ID_FIELD]: null })]);
    expect((await bed.syncStates(run.integrationId)).map((state) => state.zoomUserId)).toEqual([null]);
    return run;
  }

  it('from user.invitation_accepted: Zoom ID is written to the person and kept in the sync state', async () => {
    const replica = bed.newReplica();
    const run = await invited(replica);
    const acceptedAt = new Date(Date.parse(run.startedAt) + 60_000).toISOString();
    const email = emailOf(1);
    // What the mapper makes of the webhook object: the fields it carries, Zoom ID among them now.
    const accepted = run.partialUser(
      1,
      {
        [OOMNITZA_USERNAME_FIELD]: email,
        [SYNC_FIELD]: email,
        [STANDARD_MAPPING.first_name]: 'First1',
        [STANDARD_MAPPING.last_name]: 'Last',
        [ZOOM_ID_FIELD]: MappedRun.zoomIdOf(1),
        [RUN_TIME_FIELD]: acceptedAt,
      },
      acceptedAt,
    );
    const sentBefore = replica.oomnitza.requests.length;

    await deliver(bed, replica, run.changes([accepted]));

    expect(replica.oomnitza.requests.slice(sentBefore).map((request) => request.records)).toEqual([
      [{ [SYNC_FIELD]: email, [ZOOM_ID_FIELD]: MappedRun.zoomIdOf(1) }],
    ]);
    expect(replica.oomnitza.people()).toEqual([expect.objectContaining({ [SYNC_FIELD]: email, [ZOOM_ID_FIELD]: MappedRun.zoomIdOf(1) })]);
    expect((await bed.syncStates(run.integrationId)).map((state) => state.zoomUserId)).toEqual([MappedRun.zoomIdOf(1)]);
  });

  it('from the next full sync: Zoom ID is written to the person and kept in the sync state', async () => {
    const replica = bed.newReplica();
    const next = (await invited(replica)).next();

    await replica.write(next.batch([next.user(1)], { isLastBatch: true }));

    expect(replica.oomnitza.people()).toEqual([
      expect.objectContaining({ [SYNC_FIELD]: emailOf(1), [ZOOM_ID_FIELD]: MappedRun.zoomIdOf(1), [STATUS_FIELD]: 'active' }),
    ]);
    expect((await bed.syncStates(next.integrationId)).map((state) => state.zoomUserId)).toEqual([MappedRun.zoomIdOf(1)]);
  });
});
