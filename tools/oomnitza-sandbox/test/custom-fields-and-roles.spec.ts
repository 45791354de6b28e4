import { randomUUID } from 'node:crypto';
import { customFieldId, SandboxStateExport } from '../src';
import { personRecord, SandboxClient, startSandbox } from './support/sandbox-client';

interface CustomFieldView {
  id: string;
  name: string;
  type: string;
  unique: boolean;
  values?: string[];
}

describe('custom fields and roles', () => {
  let client: SandboxClient;

  beforeAll(async () => {
    client = await startSandbox();
  });

  beforeEach(async () => {
    await client.admin('POST', '/sandbox/reset');
  });

  afterAll(async () => {
    await client.close();
  });

  async function runErrors(portion: string): Promise<string[]> {
    const runs = (await client.admin<SandboxStateExport>('GET', '/sandbox/state')).body.runs;
    return (runs.find((run) => run.portion_id === portion)?.errors ?? []).map((error) => error.message);
  }

  it('starts with a unique "Zoom ID" field whose id is the same on every start', async () => {
    const fields = await client.admin<CustomFieldView[]>('GET', '/sandbox/custom-fields');
    expect(fields.body).toEqual([{ id: customFieldId('Zoom ID'), name: 'Zoom ID', type: 'string', unique: true }]);
    expect(customFieldId('Zoom ID')).toMatch(/^[0-9A-F]{32}$/);
    expect(client.sandbox.customFieldIds).toEqual({ 'Zoom ID': customFieldId('Zoom ID') });
  });

  it('rejects a second person with the same Zoom ID, in bulk and through the people API', async () => {
    const zoomId = customFieldId('Zoom ID');
    const portion = randomUUID();
    await client.bulk([personRecord('ann', { [zoomId]: 'zoom-1' }), personRecord('bob', { [zoomId]: 'zoom-1' })], { portion });
    expect(await runErrors(portion)).toEqual([`${zoomId} "zoom-1" already belongs to another person`]);
    const viaApi = await client.api('POST', '/api/v3/users', {
      username: 'carl',
      email: 'carl@example.com',
      first_name: 'Carl',
      last_name: 'Tester',
      role: 25,
      [zoomId]: 'zoom-1',
    });
    expect(viaApi.status).toBe(400);
  });

  it('defines new custom fields that people, bulk records and filters then use', async () => {
    const created = await client.admin<CustomFieldView>('POST', '/sandbox/custom-fields', { name: 'Department', type: 'string' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: customFieldId('Department'), name: 'Department', type: 'string', unique: false });
    const tier = (
      await client.admin<CustomFieldView>('POST', '/sandbox/custom-fields', { name: 'Tier', type: 'dropdown', values: ['Gold', 'Silver'] })
    ).body;
    const seats = (await client.admin<CustomFieldView>('POST', '/sandbox/custom-fields', { name: 'Seats', type: 'integer' })).body;
    const portion = randomUUID();
    await client.bulk(
      [
        personRecord('ann', { [created.body.id]: 'Sales', [tier.id]: 'Gold', [seats.id]: '3' }),
        personRecord('bob', { [tier.id]: 'Bronze' }),
        personRecord('carl', { [seats.id]: 2.5 }),
      ],
      { portion },
    );
    expect(await runErrors(portion)).toEqual([
      `"Bronze" is not one of the values of ${tier.id} (Gold, Silver)`,
      `2.5 in ${seats.id} is not a valid integer`,
    ]);
    const found = await client.api<Record<string, unknown>[]>(
      'GET',
      `/api/v3/users?filter=${encodeURIComponent(`${created.body.id} eq "Sales" and ${seats.id} gt 2`)}`,
    );
    expect(found.body).toEqual([
      expect.objectContaining({ username: 'ann@example.com', [created.body.id]: 'Sales', [tier.id]: 'Gold', [seats.id]: 3 }),
    ]);
  });

  it('gives people created before a field the field, empty; a new unique field is enforced from then on', async () => {
    await client.bulk([personRecord('ann')]);
    const badge = (await client.admin<CustomFieldView>('POST', '/sandbox/custom-fields', { name: 'Badge', unique: true })).body;
    const [ann] = (await client.api<Record<string, unknown>[]>('GET', '/api/v3/users')).body;
    expect(ann[badge.id]).toBeNull();
    const portion = randomUUID();
    await client.bulk([{ USER: 'ann@example.com', [badge.id]: 'B-1' }, personRecord('bob', { [badge.id]: 'B-1' })], { portion });
    expect(await runErrors(portion)).toEqual([`${badge.id} "B-1" already belongs to another person`]);
  });

  it('refuses a field name that exists, a dropdown without values and an unknown type', async () => {
    expect((await client.admin('POST', '/sandbox/custom-fields', { name: 'zoom id' })).status).toBe(409);
    expect((await client.admin('POST', '/sandbox/custom-fields', { name: 'Email' })).status).toBe(409);
    expect((await client.admin('POST', '/sandbox/custom-fields', { name: 'Tier', type: 'dropdown' })).status).toBe(400);
    expect((await client.admin('POST', '/sandbox/custom-fields', { name: 'Mood', type: 'emoji' })).status).toBe(400);
  });

  it('accepts a role once it is added, and forgets added fields and roles on reset', async () => {
    const portion = randomUUID();
    await client.bulk([personRecord('ann', { PERMISSIONS_ID: 40 })], { portion });
    expect(await runErrors(portion)).toEqual(['Unknown role 40 in PERMISSIONS_ID']);
    expect((await client.admin('POST', '/sandbox/roles', { id: 40, name: 'Contractor' })).status).toBe(201);
    expect((await client.admin('POST', '/sandbox/roles', { id: 40, name: 'Again' })).status).toBe(409);
    const second = randomUUID();
    await client.bulk([personRecord('ann', { PERMISSIONS_ID: 40 })], { portion: second });
    expect(await runErrors(second)).toEqual([]);
    await client.admin('POST', '/sandbox/custom-fields', { name: 'Department' });
    await client.admin('POST', '/sandbox/reset');
    expect((await client.admin('GET', '/sandbox/roles')).body).toEqual([
      { id: 1, name: 'Administrator' },
      { id: 2, name: 'Manager' },
      { id: 25, name: 'Employee' },
    ]);
    expect((await client.admin<CustomFieldView[]>('GET', '/sandbox/custom-fields')).body.map((field) => field.name)).toEqual(['Zoom ID']);
  });

  it('takes its roles and custom fields from its options', async () => {
    const custom = await startSandbox({
      roles: [{ id: 7, name: 'Staff' }],
      customFields: [{ name: 'Employee Number', type: 'integer', unique: true }],
    });
    try {
      expect((await custom.admin('GET', '/sandbox/roles')).body).toEqual([{ id: 7, name: 'Staff' }]);
      expect(custom.sandbox.customFieldIds).toEqual({ 'Employee Number': customFieldId('Employee Number') });
      const portion = randomUUID();
      await custom.bulk([personRecord('ann', { PERMISSIONS_ID: 7, [customFieldId('Employee Number')]: 12 }), personRecord('bob')], {
        portion,
      });
      const runs = (await custom.admin<SandboxStateExport>('GET', '/sandbox/state')).body.runs;
      expect(runs[0].errors.map((error) => error.message)).toEqual(['Unknown role 25 in PERMISSIONS_ID']);
    } finally {
      await custom.close();
    }
  });

  describe('the field catalogue and the roles (assumed routes, see the README)', () => {
    it('lists every writable people field with its type, and the roles, as fields and roles are added', async () => {
      await client.admin('POST', '/sandbox/custom-fields', { name: 'Tier', type: 'dropdown', values: ['Gold', 'Silver'] });
      await client.admin('POST', '/sandbox/roles', { id: 30, name: 'Contractor' });
      const fields = await client.api<Array<{ id: string }>>('GET', '/api/v3/fields/users');
      expect(fields.status).toBe(200);
      expect(fields.body.map((field) => field.id)).toEqual([
        'USER',
        'FIRST_NAME',
        'LAST_NAME',
        'EMAIL',
        'PERMISSIONS_ID',
        'POSITION',
        'PHONE',
        'EXTERNAL_ID',
        'SUSPENDED',
        'DELETED',
        'LAST_LOGIN_DATE',
        customFieldId('Zoom ID'),
        customFieldId('Tier'),
      ]);
      expect(fields.body).toContainEqual({ id: 'EMAIL', label: 'Email', type: 'string', unique: true, mandatory: true });
      expect(fields.body).toContainEqual({ id: 'PERMISSIONS_ID', label: 'Role', type: 'role', unique: false, mandatory: true });
      expect(fields.body).toContainEqual({
        id: customFieldId('Tier'),
        label: 'Tier',
        type: 'dropdown',
        unique: false,
        mandatory: false,
        values: ['Gold', 'Silver'],
      });
      expect((await client.api('GET', '/api/v3/roles')).body).toEqual([
        { id: 1, name: 'Administrator' },
        { id: 2, name: 'Manager' },
        { id: 25, name: 'Employee' },
        { id: 30, name: 'Contractor' },
      ]);
    });

    it('asks for the API token like every route', async () => {
      expect((await client.api('GET', '/api/v3/fields/users', undefined, { authorization2: 'wrong' })).status).toBe(401);
    });

    it('answers 404 for both with catalogue: false, as an Oomnitza without them would', async () => {
      const bare = await startSandbox({ catalogue: false });
      try {
        expect((await bare.api('GET', '/api/v3/fields/users')).status).toBe(404);
        expect((await bare.api('GET', '/api/v3/roles')).status).toBe(404);
      } finally {
        await bare.close();
      }
    });
  });
});
