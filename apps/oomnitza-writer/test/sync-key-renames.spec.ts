import { OOMNITZA_USERNAME_FIELD, OomnitzaRecordsWritten, STANDARD_MAPPING } from '@zoom-oomnitza-sync/contracts';
import { deliver } from './support/deliver';
import { MappedRun, SYNC_FIELD, ZOOM_ID_FIELD } from './support/mapped-run';
import { WriterReplica, WriterTestBed } from './support/writer-test-bed';

const emailOf = MappedRun.emailOf;
const NEW_EMAIL = 'ada.king@acme.example';
const renamed = { [OOMNITZA_USERNAME_FIELD]: NEW_EMAIL, [SYNC_FIELD]: NEW_EMAIL };

describe('an email change updates the same Oomnitza person, found through the sync state by Zoom ID', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_renames');
  });

  beforeEach(() => bed.clear());

  afterAll(async () => {
    await bed?.destroy();
  });

  async function synced(replica: WriterReplica, run = new MappedRun()): Promise<MappedRun> {
    await replica.write(run.batch(run.users(1, 2), { isLastBatch: true }));
    return run;
  }

  const later = (run: MappedRun, minutes: number) => new Date(Date.parse(run.startedAt) + minutes * 60_000).toISOString();
  const emails = (replica: WriterReplica) =>
    replica.oomnitza.people().map((person) => [person[OOMNITZA_USERNAME_FIELD], person[SYNC_FIELD]]);
  const reportsOutsideRuns = async (run: MappedRun) =>
    (await bed.publishedOutsideRuns(OomnitzaRecordsWritten, run.integrationId)).map((report) => report.payload);

  it('renames the person (found by the old email, then PATCHed) when a webhook brings the new email, and updates it', async () => {
    const replica = bed.newReplica();
    const run = await synced(replica);
    const sentBefore = replica.oomnitza.requests.length;

    await deliver(bed, replica, run.changes([run.partialUser(1, { ...renamed, [ZOOM_ID_FIELD]: MappedRun.zoomIdOf(1) }, later(run, 5))]));

    expect(replica.oomnitza.calls.slice(-3)).toEqual(['findPerson', 'updatePerson', 'send']);
    expect(replica.oomnitza.personUpdates).toEqual([{ personId: '1', changes: renamed }]);
    expect(emails(replica)).toEqual([
      [NEW_EMAIL, NEW_EMAIL],
      [emailOf(2), emailOf(2)],
    ]);
    expect(replica.oomnitza.requests.slice(sentBefore).map((request) => request.records)).toEqual([[renamed]]);
    expect((await bed.syncStates(run.integrationId)).map((state) => [state.syncKey, state.zoomUserId])).toEqual([
      [NEW_EMAIL, MappedRun.zoomIdOf(1)],
      [emailOf(2), MappedRun.zoomIdOf(2)],
    ]);
    expect((await reportsOutsideRuns(run)).map(({ updated, created }) => ({ updated, created }))).toEqual([{ updated: 1, created: 0 }]);
  });

  it('writes a change of the old email and the email change that follows it, arriving together, to the same person in turn', async () => {
    const replica = bed.newReplica();
    const run = await synced(replica);
    const dept = STANDARD_MAPPING.dept;

    await deliver(
      bed,
      replica,
      run.changes([
        run.partialUser(1, { [dept]: 'Research' }, later(run, 4)),
        run.partialUser(1, { ...renamed, [ZOOM_ID_FIELD]: MappedRun.zoomIdOf(1) }, later(run, 5)),
      ]),
    );

    expect(emails(replica)).toEqual([
      [NEW_EMAIL, NEW_EMAIL],
      [emailOf(2), emailOf(2)],
    ]);
    expect(replica.oomnitza.people()[0][dept]).toBe('Research');
    expect((await bed.syncStates(run.integrationId)).map((state) => state.syncKey)).toEqual([NEW_EMAIL, emailOf(2)]);
  });

  it('renames the same way when the next full sync reads the new email, and a third sync finds nothing to do', async () => {
    const replica = bed.newReplica();
    const first = await synced(replica);
    const next = first.next();

    await replica.write(next.batch([next.user(1, renamed), next.user(2)], { isLastBatch: true }));

    expect(emails(replica)).toEqual([
      [NEW_EMAIL, NEW_EMAIL],
      [emailOf(2), emailOf(2)],
    ]);
    expect((await bed.published(OomnitzaRecordsWritten, next.runId)).map(({ payload }) => payload)).toEqual([
      expect.objectContaining({ created: 0, updated: 1, unchanged: 1, failed: 0 }),
    ]);

    const third = next.next();
    await replica.write(third.batch([third.user(1, renamed), third.user(2)], { isLastBatch: true }));
    expect((await bed.published(OomnitzaRecordsWritten, third.runId)).map(({ payload }) => payload)).toEqual([
      expect.objectContaining({ created: 0, updated: 0, unchanged: 2 }),
    ]);
    expect(replica.oomnitza.personUpdates).toHaveLength(1);
  });

  it('renames nothing back for a record of the old email read before the rename (a late page): it is stale', async () => {
    const replica = bed.newReplica();
    const run = await synced(replica);
    await deliver(bed, replica, run.changes([run.partialUser(1, renamed, later(run, 5))]));
    const late = new MappedRun(run.integrationId, run.oomnitzaCredentialId, later(run, 1));

    await replica.write(late.batch([late.user(1)], { isLastBatch: true }));

    expect(replica.oomnitza.personUpdates).toHaveLength(1);
    expect(emails(replica)).toEqual([
      [NEW_EMAIL, NEW_EMAIL],
      [emailOf(2), emailOf(2)],
    ]);
  });

  it('moves the sync state without a PATCH when Oomnitza no longer has the old email (renamed already)', async () => {
    const replica = bed.newReplica();
    const run = await synced(replica);
    // Renamed before the writer could note it (a crash after the PATCH): Oomnitza has the new email already.
    await replica.oomnitza.updatePerson({ apiToken: 't', baseUrl: 'https://acme.oomnitza.invalid' }, '1', renamed);
    const patchesBefore = replica.oomnitza.personUpdates.length;

    await deliver(bed, replica, run.changes([run.partialUser(1, { ...renamed, [STANDARD_MAPPING.dept]: 'Support' }, later(run, 5))]));

    expect(replica.oomnitza.personUpdates).toHaveLength(patchesBefore);
    expect(replica.oomnitza.people()).toHaveLength(2);
    expect(replica.oomnitza.people()[0]).toMatchObject({ ...renamed, [STANDARD_MAPPING.dept]: 'Support' });
    expect((await bed.syncStates(run.integrationId)).map((state) => state.syncKey)).toEqual([NEW_EMAIL, emailOf(2)]);
  });

  it('fails the record, and keeps the sync state, when Oomnitza refuses the new email (another person has it)', async () => {
    const replica = bed.newReplica();
    const run = await synced(replica);
    replica.oomnitza.holdsPerson({ [SYNC_FIELD]: NEW_EMAIL });

    await deliver(bed, replica, run.changes([run.partialUser(1, renamed, later(run, 5))]));

    expect(replica.oomnitza.people().filter((person) => person[SYNC_FIELD] === NEW_EMAIL)).toHaveLength(1);
    expect(await reportsOutsideRuns(run)).toEqual([
      expect.objectContaining({
        failed: 1,
        errors: [{ recordKey: NEW_EMAIL, reason: expect.stringContaining(`could not give the person of ${emailOf(1)} the new EMAIL`) }],
      }),
    ]);
    expect((await bed.syncStates(run.integrationId)).map((state) => state.syncKey)).toEqual([emailOf(1), emailOf(2)]);
  });

  it('with Zoom ID as the sync key, an email change is a plain update of the same person', async () => {
    const replica = bed.newReplica();
    const first = await synced(replica, new MappedRun(undefined, undefined, undefined, 'zoom_id'));
    const next = first.next();

    await replica.write(next.batch([next.user(1, renamed), next.user(2)], { isLastBatch: true }));

    expect(replica.oomnitza.calls).not.toContain('findPerson');
    expect(replica.oomnitza.personUpdates).toEqual([]);
    expect(replica.oomnitza.people().map((person) => [person[ZOOM_ID_FIELD], person[SYNC_FIELD]])).toEqual([
      [MappedRun.zoomIdOf(1), NEW_EMAIL],
      [MappedRun.zoomIdOf(2), emailOf(2)],
    ]);
    expect((await bed.published(OomnitzaRecordsWritten, next.runId)).map(({ payload }) => payload)).toEqual([
      expect.objectContaining({ created: 0, updated: 1, unchanged: 1 }),
    ]);
  });
});
