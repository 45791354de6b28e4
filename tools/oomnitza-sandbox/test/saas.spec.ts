import { randomUUID } from 'node:crypto';
import { DEFAULT_SAAS, SandboxStateExport } from '../src';
import { personRecord, SandboxClient, startSandbox } from './support/sandbox-client';

interface SaasUser {
  saas_user_id: number;
  saas_id: string;
  user_id: number;
  user_external_id: string | null;
  role_id: number | null;
  role_external_id: string | null;
  status: string;
  last_activity_date: number | null;
}

interface SaasRole {
  role_id: number;
  role_external_id: string;
  role_external_label: string;
  users_count: number;
}

describe('SaaS: the Zoom app, its users and roles', () => {
  let client: SandboxClient;
  const saasId = 'zoom-saas-under-test';

  beforeAll(async () => {
    client = await startSandbox({ saas: { id: saasId } });
  });

  beforeEach(async () => {
    await client.admin('POST', '/sandbox/reset');
  });

  afterAll(async () => {
    await client.close();
  });

  async function saasUsers(query = ''): Promise<SaasUser[]> {
    const response = await client.api<SaasUser[]>('GET', `/api/v3/saas/${saasId}/users${query}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  async function personId(name: string): Promise<number> {
    const found = await client.api<{ id: number }[]>(
      'GET',
      `/api/v3/users?filter=${encodeURIComponent(`username eq "${name}@example.com"`)}`,
    );
    return found.body[0].id;
  }

  async function runErrors(portion: string): Promise<string[]> {
    const runs = (await client.admin<SandboxStateExport>('GET', '/sandbox/state')).body.runs;
    return (runs.find((run) => run.portion_id === portion)?.errors ?? []).map((error) => error.message);
  }

  it('describes the configured app and its Zoom roles', async () => {
    expect((await client.api('GET', `/api/v3/saas/${saasId}`)).body).toEqual({ id: saasId, name: 'Zoom', sync_key: 'zoom' });
    expect((await client.api<SaasRole[]>('GET', `/api/v3/saas/${saasId}/roles`)).body).toEqual(
      DEFAULT_SAAS.roles.map((role, index) => ({ role_id: index + 1, ...role, users_count: 0 })),
    );
    expect((await client.api('GET', '/api/v3/saas/another-app/users')).status).toBe(404);
    expect((await client.api('GET', `/api/v3/saas/${DEFAULT_SAAS.id}/roles`)).status).toBe(404);
  });

  it('links each person of a bulk record with a SAAS field to the app named by sync_key, selected_saas_id or name', async () => {
    await client.bulk([
      personRecord('ann', { SAAS: { sync_key: 'zoom', name: 'Zoom' } }),
      personRecord('bob', { SAAS: { selected_saas_id: saasId } }),
      personRecord('carl', { SAAS: { name: 'ZOOM' } }),
      personRecord('dana'),
    ]);
    const users = await saasUsers();
    expect(users.map((user) => user.user_id)).toEqual([await personId('ann'), await personId('bob'), await personId('carl')]);
    expect(users[0]).toEqual({
      saas_user_id: 1,
      saas_id: saasId,
      user_id: await personId('ann'),
      user_external_id: null,
      role_id: null,
      role_external_id: null,
      status: 'active',
      license_type: null,
      last_activity_date: null,
      last_client_version: null,
      creation_date: expect.any(Number),
      change_date: expect.any(Number),
    });
  });

  it('keeps one SaaS user per person, updating its Zoom id, role, status, licence and activity from later records', async () => {
    await client.bulk([
      personRecord('ann', { SAAS: { sync_key: 'zoom', user_external_id: 'zoom-ann', role_external_id: '2', license_type: 'Basic' } }),
    ]);
    await client.bulk([
      personRecord('ann', {
        SAAS: {
          sync_key: 'zoom',
          role_external_id: '1',
          status: 'inactive',
          license_type: 'Licensed',
          last_activity_date: '2024-05-01T08:00:00Z',
          last_client_version: '6.2.11.5069(mac)',
        },
      }),
    ]);
    expect(await saasUsers()).toEqual([
      expect.objectContaining({
        user_external_id: 'zoom-ann',
        role_id: 2,
        role_external_id: '1',
        status: 'inactive',
        license_type: 'Licensed',
        last_activity_date: 1714550400,
        last_client_version: '6.2.11.5069(mac)',
      }),
    ]);
  });

  it('counts users per role and adds a Zoom role it has not seen', async () => {
    await client.bulk([
      personRecord('ann', { SAAS: { sync_key: 'zoom', role_external_id: '2' } }),
      personRecord('bob', { SAAS: { sync_key: 'zoom', role_external_id: '2' } }),
      personRecord('carl', { SAAS: { sync_key: 'zoom', role_external_id: '0' } }),
      personRecord('dana', { SAAS: { sync_key: 'zoom', role_external_id: '7', role_external_label: 'Auditor' } }),
    ]);
    const roles = (await client.api<SaasRole[]>('GET', `/api/v3/saas/${saasId}/roles`)).body;
    expect(roles.map((role) => [role.role_external_id, role.role_external_label, role.users_count])).toEqual([
      ['0', 'Owner', 1],
      ['1', 'Admin', 0],
      ['2', 'Member', 2],
      ['7', 'Auditor', 1],
    ]);
  });

  it('logs a record naming an unknown SaaS app, or with a malformed SAAS value, as an error and writes nothing for it', async () => {
    const portion = randomUUID();
    await client.bulk(
      [
        personRecord('ann', { SAAS: { sync_key: 'slack' } }),
        personRecord('bob', { SAAS: { selected_saas_id: 'other-id' } }),
        personRecord('carl', { SAAS: {} }),
        personRecord('dana', { SAAS: 'zoom' }),
        personRecord('emma', { SAAS: { sync_key: 'zoom', status: 'gone' } }),
        personRecord('fred', { SAAS: { sync_key: 'zoom', seats: 2 } }),
      ],
      { portion },
    );
    expect(await runErrors(portion)).toEqual([
      'Unknown SaaS app "slack"',
      'Unknown SaaS app "other-id"',
      'SAAS names no SaaS app (sync_key, selected_saas_id or name)',
      'SAAS must be an object such as {"sync_key": "zoom"}',
      'SAAS.status must be "active" or "inactive"',
      'Unknown key "seats" in SAAS',
    ]);
    expect((await client.api('GET', '/api/v3/users')).headers.get('x-total-count')).toBe('0');
    expect(await saasUsers()).toEqual([]);
  });

  it('filters, sorts and pages SaaS users across apps with /api/v3/saas_users', async () => {
    await client.bulk([
      personRecord('ann', { SAAS: { sync_key: 'zoom', user_external_id: 'z-ann', role_external_id: '2' } }),
      personRecord('bob', { SAAS: { sync_key: 'zoom', user_external_id: 'z-bob', role_external_id: '1', status: 'inactive' } }),
      personRecord('carl', {
        SAAS: { sync_key: 'zoom', user_external_id: 'z-carl', role_external_id: '2', last_activity_date: 1_700_000_000 },
      }),
    ]);
    const members = await client.api<SaasUser[]>(
      'GET',
      `/api/v3/saas_users?filter=${encodeURIComponent('role_external_id eq "2" and status eq "active"')}&sortby=user_external_id desc`,
    );
    expect(members.headers.get('x-total-count')).toBe('2');
    expect(members.body.map((user) => user.user_external_id)).toEqual(['z-carl', 'z-ann']);
    const idle = await client.api<SaasUser[]>(
      'GET',
      `/api/v3/saas_users?filter=${encodeURIComponent('last_activity_date lt "2024-01-01" or last_activity_date IS NULL')}&fields=user_external_id`,
    );
    expect(idle.body).toEqual([{ user_external_id: 'z-ann' }, { user_external_id: 'z-bob' }, { user_external_id: 'z-carl' }]);
    expect((await client.api('GET', `/api/v3/saas_users?filter=${encodeURIComponent('seats gt 1')}`)).status).toBe(400);
    expect((await saasUsers('?limit=1&skip=2')).map((user) => user.user_external_id)).toEqual(['z-carl']);
  });

  it('assigns and unassigns people to the app, with a result per item', async () => {
    await client.bulk([personRecord('ann'), personRecord('bob')]);
    const ann = await personId('ann');
    const bob = await personId('bob');
    const assigned = await client.api('POST', `/api/v3/saas/${saasId}/users`, [
      { user_id: ann, assign: true },
      { user_id: bob, assign: true },
      { user_id: 999, assign: true },
    ]);
    expect(assigned.body).toEqual([
      { user_id: ann, assign: true, saas_user_id: 1, error: null },
      { user_id: bob, assign: true, saas_user_id: 2, error: null },
      { user_id: 999, assign: true, saas_user_id: null, error: 'User 999 not found' },
    ]);
    const unassigned = await client.api('POST', `/api/v3/saas/${saasId}/users`, [{ user_id: ann, assign: false }]);
    expect(unassigned.body).toEqual([{ user_id: ann, assign: false, saas_user_id: 1, error: null }]);
    expect((await saasUsers()).map((user) => user.user_id)).toEqual([bob]);
    expect((await client.api('POST', `/api/v3/saas/${saasId}/users`, [{ user_id: 'ann' }])).status).toBe(400);
  });

  it("sets the external id of a person's SaaS user, creating it when needed", async () => {
    await client.bulk([personRecord('ann')]);
    const ann = await personId('ann');
    const response = await client.api<SaasUser>('POST', `/api/v3/saas/${saasId}/users/${ann}`, { user_external_id: 'zoom-ann' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ user_id: ann, user_external_id: 'zoom-ann', status: 'active' });
    await client.api('POST', `/api/v3/saas/${saasId}/users/${ann}`, { user_external_id: 'zoom-ann-2' });
    expect((await saasUsers()).map((user) => user.user_external_id)).toEqual(['zoom-ann-2']);
    expect((await client.api('POST', `/api/v3/saas/${saasId}/users/999`, { user_external_id: 'x' })).status).toBe(404);
  });

  it('activates and deactivates SaaS users, answering per id with an error for unknown ones', async () => {
    await client.bulk([personRecord('ann', { SAAS: { sync_key: 'zoom' } }), personRecord('bob', { SAAS: { sync_key: 'zoom' } })]);
    const [ann, bob] = await saasUsers();
    const deactivated = await client.api('PATCH', '/api/v3/saas_users/deactivate', { saas_user_ids: [ann.saas_user_id, 404, 'x'] });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toEqual([
      { saas_user_id: ann.saas_user_id, error: null },
      { saas_user_id: 404, error: 'SaaS user 404 not found' },
      { saas_user_id: 'x', error: 'SaaS user "x" not found' },
    ]);
    expect((await saasUsers()).map((user) => user.status)).toEqual(['inactive', 'active']);
    const activated = await client.api('PATCH', '/api/v3/saas_users/activate', {
      saas_user_ids: [String(ann.saas_user_id), bob.saas_user_id],
    });
    expect(activated.body).toEqual([
      { saas_user_id: String(ann.saas_user_id), error: null },
      { saas_user_id: bob.saas_user_id, error: null },
    ]);
    expect((await saasUsers()).map((user) => user.status)).toEqual(['active', 'active']);
    expect((await client.api('PATCH', '/api/v3/saas_users/activate', { saas_user_ids: [] })).status).toBe(400);
  });

  it("removes a person's SaaS user when the person is deleted", async () => {
    await client.bulk([personRecord('ann', { SAAS: { sync_key: 'zoom', role_external_id: '2' } })]);
    await client.api('DELETE', `/api/v3/users/${await personId('ann')}`);
    expect(await saasUsers()).toEqual([]);
    expect((await client.api<SaasRole[]>('GET', `/api/v3/saas/${saasId}/roles`)).body.every((role) => role.users_count === 0)).toBe(true);
  });

  it('lets the admin API add a Zoom role', async () => {
    expect((await client.admin('POST', '/sandbox/saas/roles', { role_external_id: '9', role_external_label: 'Billing' })).status).toBe(201);
    expect((await client.admin('POST', '/sandbox/saas/roles', { role_external_id: '9', role_external_label: 'Again' })).status).toBe(409);
    expect((await client.api<SaasRole[]>('GET', `/api/v3/saas/${saasId}/roles`)).body.at(-1)).toEqual({
      role_id: 4,
      role_external_id: '9',
      role_external_label: 'Billing',
      users_count: 0,
    });
  });
});
