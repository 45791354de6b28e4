import { createZoomSandbox, ManualClock, ZoomSandbox } from '../src';
import { getApi, mintToken } from './support/zoom-client';

describe('GET /v2/users/{userId} and GET /v2/users/summary', () => {
  const clock = new ManualClock(Date.UTC(2025, 6, 1, 8, 30));
  let sandbox: ZoomSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await createZoomSandbox({ clock, users: 300, seed: 5, plan: 'unlimited', accountId: 'detail-account' });
    token = await mintToken(sandbox);
  });

  afterAll(() => sandbox.close());

  it('finds a user by id with the extra fields of the single-user view', async () => {
    const user = sandbox.population.users('active').find((each) => each.dept && each.job_title && each.phone_numbers.length);
    const response = await getApi(sandbox, `/users/${user?.id}`, token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: user?.id,
      email: user?.email,
      first_name: user?.first_name,
      dept: user?.dept,
      job_title: user?.job_title,
      language: user?.language,
      phone_numbers: user?.phone_numbers,
      account_id: 'detail-account',
      status: 'active',
      role_name: expect.any(String),
      host_key: user?.host_key,
    });
  });

  it('finds a user by e-mail, in any case and URL-encoded', async () => {
    const user = sandbox.population.users('inactive')[0];
    const response = await getApi(sandbox, `/users/${encodeURIComponent(user.email.toUpperCase())}`, token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: user.id, status: 'inactive' });
  });

  it('shows a pending user, found by e-mail, with the time of the call as created_at', async () => {
    const user = sandbox.population.users('pending')[0];
    const response = await getApi(sandbox, `/users/${user.email}`, token);
    expect(response.body).toMatchObject({
      email: user.email,
      status: 'pending',
      created_at: '2025-07-01T08:30:00Z',
      user_created_at: user.user_created_at,
    });
  });

  it('answers an unknown user with 404 code 1001', async () => {
    expect(await getApi(sandbox, '/users/nobody@example.com', token)).toEqual(
      expect.objectContaining({ status: 404, body: { code: 1001, message: 'User does not exist: nobody@example.com.' } }),
    );
    expect(await getApi(sandbox, '/users/zJKyaiAyTNC-MWjiWC18KQ', token)).toMatchObject({ status: 404, body: { code: 1001 } });
  });

  it('counts users by kind, matching the population and the three passes', async () => {
    const users = sandbox.population.users();
    const listed = users.filter((user) => user.status !== 'pending');
    const response = await getApi(sandbox, '/users/summary', token);
    expect(response.body).toEqual({
      licensed_users_count: listed.filter((user) => user.type === 2).length,
      basic_users_count: listed.filter((user) => user.type === 1).length,
      join_only_users_count: listed.filter((user) => user.type === 4).length,
      pending_users_count: users.filter((user) => user.status === 'pending').length,
      on_prem_users_count: 0,
      room_users_count: 0,
      total_users_count: 300,
    });
  });

  it('answers unknown endpoints the way Zoom does', async () => {
    expect(await getApi(sandbox, '/meetings', token)).toMatchObject({ status: 404, body: { code: 2300 } });
  });
});
