import { personRecord, SandboxClient, startSandbox } from './support/sandbox-client';

type Person = Record<string, unknown> & { id: number };

describe('people (/api/v3/users)', () => {
  let client: SandboxClient;
  let zoomId: string;

  beforeAll(async () => {
    client = await startSandbox();
    zoomId = client.sandbox.customFieldIds['Zoom ID'];
  });

  beforeEach(async () => {
    await client.admin('POST', '/sandbox/reset');
  });

  afterAll(async () => {
    await client.close();
  });

  function newPerson(name: string, extra: Record<string, unknown> = {}) {
    return { username: `${name}@example.com`, email: `${name}@example.com`, first_name: name, last_name: 'Tester', role: 25, ...extra };
  }

  async function create(name: string, extra: Record<string, unknown> = {}): Promise<Person> {
    const response = await client.api<Person>('POST', '/api/v3/users', newPerson(name, extra));
    expect(response.status).toBe(201);
    return response.body;
  }

  async function list(query: string) {
    return client.api<Record<string, unknown>[]>('GET', `/api/v3/users?${query}`);
  }

  describe('create, read, update, delete', () => {
    it('creates a person with server-maintained id, full name and dates', async () => {
      const before = Math.floor(Date.now() / 1000);
      const person = await create('ann', {
        position: 'Engineer',
        suspended: false,
        [zoomId]: 'zoom-ann',
        last_login_date: '2024-05-01T08:00:00Z',
      });
      expect(person).toMatchObject({
        id: 1,
        username: 'ann@example.com',
        first_name: 'ann',
        full_name: 'ann Tester',
        role: 25,
        position: 'Engineer',
        suspended: false,
        last_login_date: 1714550400,
        [zoomId]: 'zoom-ann',
        external_id: null,
      });
      expect(person.creation_date).toBeGreaterThanOrEqual(before);
      expect(person.change_date).toBe(person.creation_date);
      expect((await client.api('GET', `/api/v3/users/${person.id}`)).body).toEqual(person);
    });

    it('rejects a person missing a mandatory field, naming each one', async () => {
      const response = await client.api('POST', '/api/v3/users', { username: 'ann', first_name: 'Ann' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: 'Validation failed',
        details: [
          { field: 'last_name', message: 'mandatory field' },
          { field: 'email', message: 'mandatory field' },
          { field: 'role', message: 'mandatory field' },
        ],
      });
    });

    it('rejects unknown and read-only fields and values that do not fit', async () => {
      const response = await client.api(
        'POST',
        '/api/v3/users',
        newPerson('ann', { nickname: 'A', full_name: 'X', role: 99, suspended: 'sometimes' }),
      );
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: 'Validation failed',
        details: [
          { field: 'role', message: 'Unknown role 99 in role' },
          { field: 'nickname', message: 'unknown field' },
          { field: 'full_name', message: 'read-only field' },
          { field: 'suspended', message: '"sometimes" in suspended is not a valid boolean' },
        ],
      });
      expect((await list('')).body).toEqual([]);
    });

    it('rejects a username, email or unique custom field value that belongs to someone else', async () => {
      await create('ann', { [zoomId]: 'zoom-1', external_id: 'ext-1' });
      for (const [field, value] of [
        ['email', 'ANN@example.com'],
        [zoomId, 'zoom-1'],
        ['external_id', 'ext-1'],
      ]) {
        const response = await client.api('POST', '/api/v3/users', newPerson('bob', { [field]: value }));
        expect(response.status).toBe(400);
        expect(response.body).toEqual({
          error: 'Validation failed',
          details: [{ field, message: `"${value}" already belongs to another person` }],
        });
      }
      expect((await list('')).headers.get('x-total-count')).toBe('1');
    });

    it('updates the given fields, keeps the others, and refuses to empty a mandatory field or take a taken value', async () => {
      const ann = await create('ann', { phone_number: '100' });
      await create('bob');
      const updated = await client.api<Person>('PATCH', `/api/v3/users/${ann.id}`, { last_name: 'Smith', position: 'Lead' });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ id: ann.id, last_name: 'Smith', full_name: 'ann Smith', position: 'Lead', phone_number: '100' });
      expect((await client.api('PATCH', `/api/v3/users/${ann.id}`, { email: 'bob@example.com' })).status).toBe(400);
      const emptied = await client.api('PATCH', `/api/v3/users/${ann.id}`, { first_name: '' });
      expect(emptied.body).toEqual({
        error: 'Validation failed',
        details: [{ field: 'first_name', message: 'mandatory field cannot be emptied' }],
      });
      expect((await client.api('PATCH', `/api/v3/users/${ann.id}`, { email: 'ANN@example.com' })).status).toBe(200);
    });

    it('renames a person found by the old email (filter, then PATCH of email and username); bulk then matches the new email', async () => {
      await client.bulk([personRecord('ann')], { sync_field: ['EMAIL'] });
      const found = await list(`filter=${encodeURIComponent('email eq "ann@example.com"')}&fields=id&limit=1`);
      expect(found.body).toEqual([{ id: 1 }]);

      const renamed = await client.api<Person>('PATCH', '/api/v3/users/1', {
        email: 'ann.lee@example.com',
        username: 'ann.lee@example.com',
      });
      expect(renamed.body).toMatchObject({ id: 1, email: 'ann.lee@example.com', username: 'ann.lee@example.com', first_name: 'Ann' });

      await client.bulk([{ EMAIL: 'ann.lee@example.com', LAST_NAME: 'Lee' }], { sync_field: ['EMAIL'] });
      await client.bulk([personRecord('ann')], { sync_field: ['EMAIL'] });
      expect((await list('sortby=id asc&fields=id,email,last_name')).body).toEqual([
        { id: 1, email: 'ann.lee@example.com', last_name: 'Lee' },
        { id: 2, email: 'ann@example.com', last_name: 'Tester' },
      ]);
      expect((await list(`filter=${encodeURIComponent('email eq "ann@example.com"')}&fields=id`)).body).toEqual([{ id: 2 }]);
    });

    it('deletes a person, who is then gone from reads, lists and bulk matching', async () => {
      const ann = await create('ann');
      expect((await client.api('DELETE', `/api/v3/users/${ann.id}`)).status).toBe(204);
      expect((await client.api('GET', `/api/v3/users/${ann.id}`)).status).toBe(404);
      expect((await client.api('DELETE', `/api/v3/users/${ann.id}`)).status).toBe(404);
      expect((await list('')).body).toEqual([]);
      await client.bulk([personRecord('ann')], { sync_field: ['EMAIL'] });
      expect((await list('')).body).toEqual([expect.objectContaining({ id: 2, email: 'ann@example.com' })]);
    });

    it('answers 404 for an id that is unknown or not a number', async () => {
      expect((await client.api('GET', '/api/v3/users/41')).body).toEqual({ error: 'User 41 not found' });
      expect((await client.api('GET', '/api/v3/users/ann')).status).toBe(404);
      expect((await client.api('PATCH', '/api/v3/users/41', { position: 'x' })).status).toBe(404);
    });
  });

  describe('listing', () => {
    beforeEach(async () => {
      await create('carl', { role: 1, position: 'CTO', last_login_date: 1_700_000_000 });
      await create('ann', { position: 'Engineer', last_login_date: 1_710_000_000, [zoomId]: 'z-ann' });
      await create('bob', { position: 'Engineer', suspended: true });
      await create('dana', { role: 2 });
    });

    it('pages with limit and skip, counting every match in x-total-count', async () => {
      const page = await list('limit=2&skip=1');
      expect(page.headers.get('x-total-count')).toBe('4');
      expect(page.body.map((person) => person.first_name)).toEqual(['ann', 'bob']);
      expect((await list('skip=10')).body).toEqual([]);
    });

    it('sorts by one or more fields, missing values last when ascending', async () => {
      expect((await list('sortby=first_name asc')).body.map((person) => person.first_name)).toEqual(['ann', 'bob', 'carl', 'dana']);
      expect((await list('sortby=first_name desc')).body.map((person) => person.first_name)).toEqual(['dana', 'carl', 'bob', 'ann']);
      expect((await list('sortby=position asc, first_name desc')).body.map((person) => person.first_name)).toEqual([
        'carl',
        'bob',
        'ann',
        'dana',
      ]);
      expect((await list('sortby=last_login_date DESC')).body.map((person) => person.first_name)).toEqual(['bob', 'dana', 'ann', 'carl']);
    });

    it('returns only the requested fields', async () => {
      expect((await list('fields=id,email&limit=2')).body).toEqual([
        { id: 1, email: 'carl@example.com' },
        { id: 2, email: 'ann@example.com' },
      ]);
    });

    it('filters with the SQL-like language, and the total counts the filtered people', async () => {
      const cases: [string, string[]][] = [
        ['email eq "ann@example.com"', ['ann']],
        ['email eq "ANN@example.com"', []],
        ['position eq "Engineer" and suspended eq true', ['bob']],
        ['role IN [1, 2]', ['carl', 'dana']],
        ['first_name LIKE "_a%"', ['carl', 'dana']],
        ['last_login_date BETWEEN "2023-01-01T00:00:00Z" AND "2023-12-31T23:59:59Z"', ['carl']],
        ['last_login_date gte 1705000000 or position IS NULL', ['ann', 'dana']],
        ['position IS NOT NULL and (role eq 1 or suspended eq true)', ['carl', 'bob']],
        [`${zoomId} eq "z-ann"`, ['ann']],
        ['id eq 3 and email eq "bob@example.com"', ['bob']],
        ['email IN ["ann@example.com", "dana@example.com"]', ['ann', 'dana']],
        ['not position eq "Engineer"', ['carl', 'dana']],
      ];
      for (const [filter, expected] of cases) {
        const response = await list(`filter=${encodeURIComponent(filter)}`);
        expect([filter, response.status, response.body.map((person) => person.first_name)]).toEqual([filter, 200, expected]);
        expect(response.headers.get('x-total-count')).toBe(String(expected.length));
      }
    });

    it('combines filter, sortby, fields, limit and skip', async () => {
      const response = await list(`filter=${encodeURIComponent('role eq 25')}&sortby=first_name desc&fields=first_name&limit=1&skip=1`);
      expect(response.headers.get('x-total-count')).toBe('2');
      expect(response.body).toEqual([{ first_name: 'ann' }]);
    });

    it.each([
      [
        'filter=email%20eq',
        'Invalid filter: Expected a value (a quoted string, a number, true or false) but found the end of the filter at character 9',
      ],
      [`filter=${encodeURIComponent('shoe eq 1')}`, 'Invalid filter: Unknown field "shoe" at character 1'],
      [
        `filter=${encodeURIComponent('(role eq 1')}`,
        'Invalid filter: Expected ")" to close the parenthesis but found the end of the filter at character 11',
      ],
      [`filter=${encodeURIComponent('role eq "x"')}`, 'Invalid filter: Field "role" holds integer values; "x" is not one at character 9'],
      ['limit=-1', 'limit must be an integer from 0 to 1000, not "-1"'],
      ['limit=1001', 'limit must be an integer from 0 to 1000, not "1001"'],
      ['skip=x', 'skip must be a non-negative integer, not "x"'],
      ['sortby=shoe asc', 'sortby names an unknown field "shoe"'],
      ['sortby=email sideways', 'sortby takes "<field> asc" or "<field> desc", not "email sideways"'],
      ['fields=id,shoe', 'fields names unknown field(s): shoe'],
    ])('answers 400 to %s', async (query, message) => {
      const response = await list(query);
      expect(response.status).toBe(400);
      expect((response.body as unknown as { error: string }).error).toBe(message);
    });

    it('names the position of a filter error in the details', async () => {
      const response = await list(`filter=${encodeURIComponent('email eq "a" nor role eq 1')}`);
      expect(response.body).toEqual({
        error: 'Invalid filter: Expected "and", "or" or the end of the filter but found "nor" at character 14',
        details: { reason: 'Expected "and", "or" or the end of the filter but found "nor"', position: 14 },
      });
    });
  });
});
