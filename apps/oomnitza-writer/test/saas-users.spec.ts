import { OomnitzaApiError } from '../src/oomnitza-api/oomnitza-api.error';
import { MappedRun, STATUS_FIELD } from './support/mapped-run';
import { WriterTestBed } from './support/writer-test-bed';

describe('User plus SaaS user in the writer', () => {
  let bed: WriterTestBed;

  beforeAll(async () => {
    bed = await WriterTestBed.create('writer_saas_users');
  });

  beforeEach(() => bed.clear());

  afterAll(async () => {
    await bed?.destroy();
  });

  it('links every record to the Zoom app, and sends every synced user again once an integration becomes User plus SaaS user', async () => {
    const replica = bed.newReplica();
    const first = new MappedRun();
    await replica.learn(first.integrationChanged());
    await replica.write(first.batch(first.users(1, 3), { isLastBatch: true }));
    expect(replica.oomnitza.requests.flatMap((request) => request.records).some((record) => 'SAAS' in record)).toBe(false);

    await replica.learn(first.integrationChanged({ type: 'user_and_saas', oomnitzaSaasId: 'zoom-app-1' }, 2));
    const sentBefore = replica.oomnitza.requests.length;
    const next = first.next();
    await replica.write(next.batch(next.users(1, 3), { isLastBatch: true }));
    const sent = replica.oomnitza.requests.slice(sentBefore).flatMap((request) => request.records);
    expect(sent).toHaveLength(3);
    expect(sent.map((record) => record.SAAS)).toEqual(
      Array.from({ length: 3 }, () => ({ sync_key: 'zoom', selected_saas_id: 'zoom-app-1', name: 'Zoom' })),
    );

    // Unchanged users of a later run are not sent again.
    const afterLink = replica.oomnitza.requests.length;
    const third = next.next();
    await replica.write(third.batch(third.users(1, 3), { isLastBatch: true }));
    expect(replica.oomnitza.requests.slice(afterLink).flatMap((request) => request.records)).toHaveLength(0);
  });

  it('carries role, status and activity on the link when OOMNITZA_SAAS_USER_DETAILS is on', async () => {
    const replica = bed.newReplica({ settings: { OOMNITZA_SAAS_USER_DETAILS: true } });
    const run = new MappedRun();
    await replica.learn(run.integrationChanged({ type: 'user_and_saas', oomnitzaSaasId: 'zoom-app-1' }));
    await replica.write(run.batch([run.user(1)], { isLastBatch: true }));
    const [record] = replica.oomnitza.requests.flatMap((request) => request.records);
    expect(record.SAAS).toEqual({
      sync_key: 'zoom',
      selected_saas_id: 'zoom-app-1',
      name: 'Zoom',
      user_external_id: MappedRun.zoomIdOf(1),
      status: 'active',
    });
  });

  it('deactivates the SaaS user of a deactivated Zoom user through the documented routes, and tries a change Oomnitza did not take again', async () => {
    const replica = bed.newReplica();
    const first = new MappedRun();
    await replica.learn(first.integrationChanged({ type: 'user_and_saas', oomnitzaSaasId: 'zoom-app-1' }));
    await replica.write(first.batch(first.users(1, 3), { isLastBatch: true }));
    const email = MappedRun.emailOf(2);
    expect(replica.oomnitza.saasUserActive(first.syncField, email)).toBeUndefined();

    // User 2 is deactivated in Zoom; Oomnitza fails the SaaS user's deactivation.
    replica.oomnitza.failNext(
      'setSaasUsersActive',
      new OomnitzaApiError(503, 'Oomnitza answered 503 to PATCH /api/v3/saas_users/deactivate'),
    );
    const second = first.next();
    await replica.write(
      second.batch([second.user(1), second.user(2, { [STATUS_FIELD]: 'inactive' }), second.user(3)], { isLastBatch: true }),
    );
    expect(replica.oomnitza.saasUserActive(first.syncField, email)).toBeUndefined();

    // Nothing changed in Zoom since: the person is not sent again, and the SaaS user is deactivated now.
    const sentBefore = replica.oomnitza.requests.length;
    const third = second.next();
    await replica.write(third.batch([third.user(1), third.user(2, { [STATUS_FIELD]: 'inactive' }), third.user(3)], { isLastBatch: true }));
    expect(replica.oomnitza.requests.slice(sentBefore).flatMap((request) => request.records)).toHaveLength(0);
    expect(replica.oomnitza.saasUserActive(first.syncField, email)).toBe(false);

    // Done once: a later run asks Oomnitza nothing more about it.
    const calls = replica.oomnitza.calls.length;
    const fourth = third.next();
    await replica.write(
      fourth.batch([fourth.user(1), fourth.user(2, { [STATUS_FIELD]: 'inactive' }), fourth.user(3)], { isLastBatch: true }),
    );
    expect(replica.oomnitza.calls.slice(calls).filter((call) => call === 'setSaasUsersActive' || call === 'saasUsersOf')).toEqual([]);
  });
});
