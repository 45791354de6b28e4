import { randomUUID } from 'node:crypto';
import { SandboxStateExport } from '../src';
import { personRecord, SandboxClient, startSandbox } from './support/sandbox-client';

type Person = Record<string, unknown>;
type RunExport = SandboxStateExport['runs'][number];

describe('bulk writes (POST /api/v3/bulk)', () => {
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

  async function people(): Promise<Person[]> {
    return (await client.admin<SandboxStateExport>('GET', '/sandbox/state')).body.people;
  }

  async function run(portion: string): Promise<RunExport> {
    const runs = (await client.admin<SandboxStateExport>('GET', '/sandbox/state')).body.runs;
    const found = runs.find((candidate) => candidate.portion_id === portion);
    if (!found) {
      throw new Error(`no run ${portion}`);
    }
    return found;
  }

  /** Sends the records as one request of a new portion and returns that run. */
  async function write(records: unknown[], payload: Record<string, unknown> = {}): Promise<RunExport> {
    const portion = randomUUID();
    const response = await client.bulk(records, { portion, ...payload });
    expect(response.status).toBe(200);
    return run(portion);
  }

  function counts(target: RunExport) {
    return {
      added: target.added_records_count,
      updated: target.updated_records_count,
      skipped: target.skipped_records_count,
      errors: target.error_logs_count,
    };
  }

  it('creates people from records keyed by Oomnitza field ids and acknowledges the request', async () => {
    const portion = randomUUID();
    const response = await client.bulk(
      [
        personRecord('ann', {
          POSITION: 'Engineer',
          PHONE: '+1 555 0100',
          EXTERNAL_ID: 'ext-ann',
          SUSPENDED: 'false',
          LAST_LOGIN_DATE: '2024-05-01T08:00:00Z',
          [zoomId]: 'zoom-ann',
        }),
        personRecord('bob', { PERMISSIONS_ID: '1', LAST_LOGIN_DATE: 1714550400 }),
      ],
      { portion },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ portion_id: portion, received_records_count: 2 });
    const [ann, bob] = await people();
    expect(ann).toMatchObject({
      username: 'ann@example.com',
      email: 'ann@example.com',
      first_name: 'Ann',
      last_name: 'Tester',
      full_name: 'Ann Tester',
      role: 25,
      position: 'Engineer',
      phone_number: '+1 555 0100',
      external_id: 'ext-ann',
      suspended: false,
      deleted: null,
      last_login_date: 1714550400,
      [zoomId]: 'zoom-ann',
    });
    expect(ann.creation_date).toEqual(expect.any(Number));
    expect(bob).toMatchObject({ username: 'bob@example.com', role: 1, last_login_date: 1714550400, [zoomId]: null });
    expect(counts(await run(portion))).toEqual({ added: 2, updated: 0, skipped: 0, errors: 0 });
  });

  it('updates the person matched on sync_field and leaves the fields a record omits alone', async () => {
    await write([personRecord('ann', { POSITION: 'Engineer', PHONE: '100' })]);
    const updated = await write([{ USER: 'ann@example.com', POSITION: 'Manager', LAST_NAME: 'Smith' }]);
    expect(counts(updated)).toEqual({ added: 0, updated: 1, skipped: 0, errors: 0 });
    const [ann] = await people();
    expect(ann).toMatchObject({ position: 'Manager', phone_number: '100', last_name: 'Smith', full_name: 'Ann Smith', first_name: 'Ann' });
  });

  it('counts a record equal to what is stored as updated', async () => {
    await write([personRecord('ann')]);
    expect(counts(await write([personRecord('ann')]))).toEqual({ added: 0, updated: 1, skipped: 0, errors: 0 });
    expect(await people()).toHaveLength(1);
  });

  it('matches usernames and emails without regard to case', async () => {
    await write([personRecord('ann')]);
    const byUser = await write([{ USER: 'ANN@Example.COM', POSITION: 'Lead' }]);
    const byEmail = await write([{ EMAIL: 'Ann@EXAMPLE.com', PHONE: '7' }], { sync_field: ['EMAIL'] });
    expect(counts(byUser).updated).toBe(1);
    expect(counts(byEmail).updated).toBe(1);
    expect(await people()).toEqual([
      expect.objectContaining({ username: 'ANN@Example.COM', email: 'Ann@EXAMPLE.com', position: 'Lead', phone_number: '7' }),
    ]);
  });

  it('Create only (insert_only) creates new people and skips the ones that exist', async () => {
    await write([personRecord('ann', { POSITION: 'Engineer' })]);
    const target = await write([personRecord('ann', { POSITION: 'Changed' }), personRecord('bob')], { insert_only: true });
    expect(counts(target)).toEqual({ added: 1, updated: 0, skipped: 1, errors: 0 });
    expect((await people()).map((person) => [person.username, person.position])).toEqual([
      ['ann@example.com', 'Engineer'],
      ['bob@example.com', null],
    ]);
  });

  it('Update only (update_only) updates the people that exist and skips new ones', async () => {
    await write([personRecord('ann')]);
    const target = await write([personRecord('ann', { POSITION: 'Changed' }), personRecord('bob')], { update_only: true });
    expect(counts(target)).toEqual({ added: 0, updated: 1, skipped: 1, errors: 0 });
    expect((await people()).map((person) => [person.username, person.position])).toEqual([['ann@example.com', 'Changed']]);
  });

  it('Create & Update (neither flag) does both', async () => {
    await write([personRecord('ann')]);
    expect(counts(await write([personRecord('ann', { POSITION: 'Changed' }), personRecord('bob')]))).toEqual({
      added: 1,
      updated: 1,
      skipped: 0,
      errors: 0,
    });
  });

  it('rejects insert_only and update_only both true, changing nothing', async () => {
    const response = await client.bulk([personRecord('ann')], { insert_only: true, update_only: true });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'insert_only and update_only cannot both be true' });
    expect(await people()).toEqual([]);
  });

  it('takes 100 records in one request and rejects 101', async () => {
    const records = Array.from({ length: 101 }, (_, index) => personRecord(`user${index}`));
    const tooMany = await client.bulk(records);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({ error: 'A bulk request carries at most 100 records; this one has 101' });
    expect(await people()).toEqual([]);
    expect(counts(await write(records.slice(0, 100)))).toEqual({ added: 100, updated: 0, skipped: 0, errors: 0 });
  });

  it('matches on a compound sync_field, creating when any part differs', async () => {
    await write([
      personRecord('ann', { FIRST_NAME: 'Ann', LAST_NAME: 'Lee' }),
      personRecord('bob', { FIRST_NAME: 'Bob', LAST_NAME: 'Lee' }),
    ]);
    const target = await write(
      [
        { FIRST_NAME: 'Ann', LAST_NAME: 'Lee', POSITION: 'Matched' },
        personRecord('ann2', { FIRST_NAME: 'Ann', LAST_NAME: 'Park', POSITION: 'New' }),
      ],
      { sync_field: ['FIRST_NAME', 'LAST_NAME'] },
    );
    expect(counts(target)).toEqual({ added: 1, updated: 1, skipped: 0, errors: 0 });
    expect((await people()).map((person) => [person.username, person.position])).toEqual([
      ['ann@example.com', 'Matched'],
      ['bob@example.com', null],
      ['ann2@example.com', 'New'],
    ]);
  });

  it('keeps a compound key up to date as people change, and refuses a record that matches several people', async () => {
    const syncOnName = { sync_field: ['FIRST_NAME', 'LAST_NAME'] };
    await write([personRecord('ann', { FIRST_NAME: 'Ann', LAST_NAME: 'Lee' })], syncOnName);
    await write([{ USER: 'ann@example.com', LAST_NAME: 'Park' }]);
    expect(counts(await write([{ FIRST_NAME: 'Ann', LAST_NAME: 'Park', POSITION: 'Found' }], syncOnName)).updated).toBe(1);
    await write([personRecord('ann2', { FIRST_NAME: 'Ann', LAST_NAME: 'Park' })]);
    const ambiguous = await write([{ FIRST_NAME: 'Ann', LAST_NAME: 'Park', POSITION: 'Which?' }], syncOnName);
    expect(counts(ambiguous)).toEqual({ added: 0, updated: 0, skipped: 0, errors: 1 });
    expect(ambiguous.errors[0].message).toBe('2 people match FIRST_NAME="Ann", LAST_NAME="Park"');
  });

  it('matches on the unique Zoom ID custom field', async () => {
    await write([personRecord('ann', { [zoomId]: 'zoom-1' })], { sync_field: [zoomId] });
    const renamed = await write([personRecord('ann.new', { [zoomId]: 'zoom-1' })], { sync_field: [zoomId] });
    expect(counts(renamed)).toEqual({ added: 0, updated: 1, skipped: 0, errors: 0 });
    expect(await people()).toEqual([expect.objectContaining({ username: 'ann.new@example.com', [zoomId]: 'zoom-1' })]);
  });

  it.each([
    ['USER', 'Missing mandatory field(s): USER'],
    ['EMAIL', 'Missing mandatory field(s): EMAIL'],
    ['FIRST_NAME', 'Missing mandatory field(s): FIRST_NAME'],
    ['LAST_NAME', 'Missing mandatory field(s): LAST_NAME'],
    ['PERMISSIONS_ID', 'Missing mandatory field(s): PERMISSIONS_ID'],
  ])('logs a new person without %s as an error of the run and goes on with the next record', async (field, message) => {
    const incomplete = { ...personRecord('ann', { EXTERNAL_ID: 'ext-ann' }) };
    delete incomplete[field];
    const target = await write([incomplete, personRecord('bob', { EXTERNAL_ID: 'ext-bob' })], { sync_field: ['EXTERNAL_ID'] });
    expect(counts(target)).toEqual({ added: 1, updated: 0, skipped: 0, errors: 1 });
    expect(target.errors).toEqual([{ time: expect.any(String), message, error_type: null, record: incomplete }]);
    expect((await people()).map((person) => person.username)).toEqual(['bob@example.com']);
  });

  it.each([
    ['an unknown role', { PERMISSIONS_ID: 99 }, 'Unknown role 99 in PERMISSIONS_ID'],
    ['a role that is not a number', { PERMISSIONS_ID: 'Employee' }, '"Employee" in PERMISSIONS_ID is not a valid role id'],
    ['an unknown field id', { NICKNAME: 'Annie' }, 'Unknown field "NICKNAME"'],
    [
      'a date that is not one',
      { LAST_LOGIN_DATE: 'last tuesday' },
      '"last tuesday" in LAST_LOGIN_DATE is not a date (ISO-8601 or Unix seconds)',
    ],
    ['a boolean that is not one', { SUSPENDED: 'maybe' }, '"maybe" in SUSPENDED is not a valid boolean'],
    ['no value for the sync field', { USER: '' }, 'Sync field USER has no value'],
  ])('logs a record with %s as an error', async (_case, override, message) => {
    const target = await write([personRecord('ann', override)]);
    expect(counts(target)).toEqual({ added: 0, updated: 0, skipped: 0, errors: 1 });
    expect(target.errors[0].message).toBe(message);
    expect(await people()).toEqual([]);
  });

  it('logs a record that is not an object as an error', async () => {
    const target = await write(['ann@example.com', null]);
    expect(target.errors.map((error) => error.message)).toEqual([
      'A record must be an object keyed by Oomnitza field ids',
      'A record must be an object keyed by Oomnitza field ids',
    ]);
  });

  it('refuses a unique value another person holds, and an update that empties a mandatory field', async () => {
    await write([personRecord('ann', { [zoomId]: 'zoom-1' }), personRecord('bob')]);
    const target = await write([
      { USER: 'bob@example.com', EMAIL: 'ann@example.com' },
      { USER: 'bob@example.com', [zoomId]: 'zoom-1' },
      { USER: 'bob@example.com', FIRST_NAME: null },
      personRecord('carl', { EMAIL: 'ANN@example.com' }),
    ]);
    expect(counts(target)).toEqual({ added: 0, updated: 0, skipped: 0, errors: 4 });
    expect(target.errors.map((error) => error.message)).toEqual([
      'EMAIL "ann@example.com" already belongs to another person',
      `${zoomId} "zoom-1" already belongs to another person`,
      'Mandatory field(s) cannot be emptied: FIRST_NAME',
      'EMAIL "ANN@example.com" already belongs to another person',
    ]);
    expect((await people()).map((person) => [person.username, person.email, person.first_name])).toEqual([
      ['ann@example.com', 'ann@example.com', 'Ann'],
      ['bob@example.com', 'bob@example.com', 'Bob'],
    ]);
  });

  it('logs the records of a request that carries `error` against the run without processing them', async () => {
    const unmapped = [{ id: 'zoom-1' }, { id: 'zoom-2' }];
    const target = await write(unmapped, { error: 'Failed to process the mapping value: email', sync_field: [] });
    expect(counts(target)).toEqual({ added: 0, updated: 0, skipped: 0, errors: 2 });
    expect(target.errors).toEqual(
      unmapped.map((record) => ({
        time: expect.any(String),
        message: 'Failed to process the mapping value: email',
        error_type: null,
        record,
      })),
    );
    expect(await people()).toEqual([]);
  });

  it('stores nothing for a test run but still counts what would happen', async () => {
    await write([personRecord('ann')]);
    const target = await write(
      [personRecord('ann', { POSITION: 'Changed' }), personRecord('bob'), personRecord('carl', { PERMISSIONS_ID: 7 })],
      { test_run: true },
    );
    expect(counts(target)).toEqual({ added: 1, updated: 1, skipped: 0, errors: 1 });
    expect(target.test_run).toBe(true);
    expect((await people()).map((person) => [person.username, person.position])).toEqual([['ann@example.com', null]]);
  });

  it.each([
    ['no sync_field', { sync_field: [] }, 'sync_field must name at least one field to match records on'],
    ['an unknown sync field', { sync_field: ['NICKNAME'] }, 'sync_field names an unknown field "NICKNAME"'],
    ['another data type', { data_type: 'assets' }, 'data_type "assets" is not supported: the sandbox holds people ("users")'],
  ])('rejects a request with %s', async (_case, payload, message) => {
    const response = await client.bulk([personRecord('ann')], payload);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: message });
    expect(await people()).toEqual([]);
  });

  it('rejects a malformed envelope, naming each problem', async () => {
    const response = await client.bulk([personRecord('ann')], { portion: 'run-1', records: 'ann', insert_only: 'yes' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: 'Invalid request body',
      details: expect.arrayContaining([
        { path: '/portion', message: 'must match format "uuid"' },
        { path: '/records', message: 'must be array' },
        { path: '/insert_only', message: 'must be boolean' },
      ]),
    });
  });
});
