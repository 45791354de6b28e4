import { createZoomSandbox, ManualClock, USER_STATUSES, ZoomSandbox } from '../src';
import { getApi, ListPage, mintToken, walkPass } from './support/zoom-client';

describe('GET /v2/users', () => {
  const clock = new ManualClock(Date.UTC(2025, 4, 20, 9));
  let sandbox: ZoomSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await createZoomSandbox({ clock, users: 1234, seed: 9, plan: 'unlimited', pageSizeCap: 300, pageTokenLifetimeSeconds: 900 });
    token = await mintToken(sandbox);
  });

  afterAll(() => sandbox.close());

  it('lists every user exactly once over the three status passes, in the population’s order', async () => {
    const seen: string[] = [];
    for (const status of USER_STATUSES) {
      const pages = await walkPass(sandbox, token, `status=${status}&page_size=100`);
      const expected = sandbox.population.users(status);
      expect(pages.every((page) => page.total_records === expected.length && page.page_size === 100)).toBe(true);
      expect(pages).toHaveLength(Math.ceil(expected.length / 100));
      expect(pages.at(-1)?.next_page_token).toBe('');
      const listed = pages.flatMap((page) => page.users);
      expect(listed.map((user) => user.email)).toEqual(expected.map((user) => user.email));
      expect(listed.every((user) => user.status === status)).toBe(true);
      seen.push(...listed.map((user) => user.email as string));
    }
    expect(seen).toHaveLength(sandbox.population.size);
    expect(new Set(seen)).toEqual(new Set(sandbox.population.users().map((user) => user.email)));
  });

  it('lists active users when no status is given', async () => {
    const response = await getApi<ListPage>(sandbox, '/users', token);
    expect(response.body.total_records).toBe(sandbox.population.users('active').length);
    expect(response.body.users.every((user) => user.status === 'active')).toBe(true);
  });

  it('gives pending users no id, and everyone else theirs', async () => {
    const pending = (await walkPass(sandbox, token, 'status=pending&page_size=300')).flatMap((page) => page.users);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((user) => !('id' in user))).toBe(true);
    const inactive = (await walkPass(sandbox, token, 'status=inactive&page_size=300')).flatMap((page) => page.users);
    expect(inactive.map((user) => user.id)).toEqual(sandbox.population.users('inactive').map((user) => user.id));
  });

  it('pages 30 users by default and at most the cap, whatever is asked', async () => {
    expect((await getApi<ListPage>(sandbox, '/users', token)).body).toMatchObject({ page_size: 30, page_number: 1 });
    expect((await getApi<ListPage>(sandbox, '/users', token)).body.users).toHaveLength(30);
    const large = await getApi<ListPage>(sandbox, '/users?page_size=2000', token);
    expect(large.body.page_size).toBe(300);
    expect(large.body.users).toHaveLength(300);
    expect(large.body.page_count).toBe(Math.ceil(large.body.total_records / 300));
    expect((await getApi<ListPage>(sandbox, '/users?page_size=zero', token)).body.page_size).toBe(30);
  });

  it('counts page numbers along next_page_token and still honours the deprecated page_number', async () => {
    const pages = await walkPass(sandbox, token, 'status=active&page_size=250');
    expect(pages.map((page) => page.page_number)).toEqual(pages.map((_page, index) => index + 1));
    const third = await getApi<ListPage>(sandbox, '/users?page_size=250&page_number=3', token);
    expect(third.body.users).toEqual(pages[2].users);
  });

  it('answers an expired next_page_token with 400 code 300, and the pass can restart', async () => {
    const first = await getApi<ListPage>(sandbox, '/users?status=active&page_size=50', token);
    clock.advance(15 * 60_000 - 1);
    const second = await getApi<ListPage>(sandbox, `/users?page_size=50&next_page_token=${first.body.next_page_token}`, token);
    expect(second.status).toBe(200);
    clock.advance(15 * 60_000);
    const late = await getApi(sandbox, `/users?page_size=50&next_page_token=${second.body.next_page_token}`, token);
    expect(late.status).toBe(400);
    expect(late.body).toEqual({ code: 300, message: 'The next page token is invalid or expired.' });
    expect((await getApi(sandbox, '/users?status=active&page_size=50', token)).status).toBe(200);
  });

  it('answers a made-up next_page_token with 400 code 300', async () => {
    const response = await getApi(sandbox, '/users?next_page_token=IAfJX3jsOLW7w3dokmFl84zOa0MAVGyMEB2', token);
    expect(response).toMatchObject({ status: 400, body: { code: 300 } });
  });

  it('refuses an unknown status', async () => {
    expect(await getApi(sandbox, '/users?status=deleted', token)).toMatchObject({
      status: 400,
      body: { code: 300, message: 'Validation Failed.' },
    });
  });

  it('adds custom attributes or host keys only when include_fields asks for them', async () => {
    const plain = (await walkPass(sandbox, token, 'status=active&page_size=300')).flatMap((page) => page.users);
    expect(plain.some((user) => 'custom_attributes' in user || 'host_key' in user)).toBe(false);
    const withAttributes = (await walkPass(sandbox, token, 'status=active&page_size=300&include_fields=custom_attributes')).flatMap(
      (page) => page.users,
    );
    const expected = sandbox.population.users('active').filter((user) => user.custom_attributes?.length);
    expect(withAttributes.filter((user) => 'custom_attributes' in user).map((user) => user.email)).toEqual(
      expected.map((user) => user.email),
    );
    const withHostKeys = (await getApi<ListPage>(sandbox, '/users?include_fields=host_key', token)).body.users;
    expect(withHostKeys.every((user) => /^\d{6}$/.test(user.host_key as string))).toBe(true);
  });

  it('filters by role_id, across pages too', async () => {
    const admins = (await walkPass(sandbox, token, 'status=active&role_id=1&page_size=5')).flatMap((page) => page.users);
    const expected = sandbox.population.users('active').filter((user) => user.role_id === '1');
    expect(expected.length).toBeGreaterThan(5);
    expect(admins.map((user) => user.email)).toEqual(expected.map((user) => user.email));
  });

  it('refuses a next_page_token of another account', async () => {
    const other = await createZoomSandbox({
      clock,
      accounts: [
        { users: 40, plan: 'unlimited' },
        { users: 40, plan: 'unlimited' },
      ],
    });
    try {
      const firstAccountPage = await getApi<ListPage>(other, '/users?page_size=10', await mintToken(other, 0));
      const secondToken = await mintToken(other, 1);
      const response = await getApi(other, `/users?page_size=10&next_page_token=${firstAccountPage.body.next_page_token}`, secondToken);
      expect(response).toMatchObject({ status: 400, body: { code: 300 } });
    } finally {
      await other.close();
    }
  });
});
