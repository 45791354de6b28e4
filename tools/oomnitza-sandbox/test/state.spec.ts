import { randomUUID } from 'node:crypto';
import { customFieldId, DEFAULT_ROLES, SandboxStateExport, SandboxStateSummary } from '../src';
import { personRecord, SandboxClient, startSandbox } from './support/sandbox-client';

describe('state export and reset', () => {
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

  async function populate(): Promise<{ finished: string; open: string }> {
    const finished = randomUUID();
    const open = randomUUID();
    await client.bulk(
      [
        personRecord('ann', { SAAS: { sync_key: 'zoom', user_external_id: 'z-ann', role_external_id: '2' } }),
        personRecord('bob', { PERMISSIONS_ID: 99 }),
      ],
      {
        portion: finished,
      },
    );
    await client.api('POST', `/api/v3/bulk/${finished}/finalize`, {});
    await client.bulk([personRecord('ann', { POSITION: 'Lead' }), personRecord('carl')], { portion: open, insert_only: true });
    return { finished, open };
  }

  it('exports people, roles, custom fields, SaaS users and roles, runs with their error logs, and faults', async () => {
    const { finished, open } = await populate();
    await client.admin('PUT', '/sandbox/faults', { rateLimit: { ratio: 0.5 } });
    const state = (await client.admin<SandboxStateExport>('GET', '/sandbox/state')).body;
    expect(state.people.map((person) => [person.id, person.username, person.position])).toEqual([
      [1, 'ann@example.com', null],
      [2, 'carl@example.com', null],
    ]);
    expect(state.roles).toEqual(DEFAULT_ROLES);
    expect(state.custom_fields).toEqual([{ id: customFieldId('Zoom ID'), name: 'Zoom ID', type: 'string', unique: true }]);
    expect(state.saas.app.name).toBe('Zoom');
    expect(state.saas.users).toEqual([
      expect.objectContaining({ saas_user_id: 1, user_id: 1, user_external_id: 'z-ann', role_external_id: '2', status: 'active' }),
    ]);
    expect(state.saas.roles.find((role) => role.role_external_id === '2')?.users_count).toBe(1);
    expect(state.runs).toEqual([
      expect.objectContaining({
        portion_id: finished,
        finalized: true,
        status: 'Completed with errors',
        added_records_count: 1,
        error_logs_count: 1,
        errors: [
          {
            time: expect.any(String),
            message: 'Unknown role 99 in PERMISSIONS_ID',
            error_type: null,
            record: personRecord('bob', { PERMISSIONS_ID: 99 }),
          },
        ],
      }),
      expect.objectContaining({
        portion_id: open,
        finalized: false,
        status: 'In progress',
        added_records_count: 1,
        skipped_records_count: 1,
        errors: [],
      }),
    ]);
    expect(state.faults).toEqual({
      rateLimit: { ratio: 0.5 },
      injected: { rateLimited: 0, serverErrors: 0 },
      held: { latency: 0, finalize: 0 },
    });
  });

  it("shows, per person, when a bulk record last created or updated them (written_at, the sandbox's own)", async () => {
    const writtenAt = (email: string) =>
      client.sandbox.state.export().people.find((person) => person.email === email)?.written_at as string | null | undefined;
    await client.bulk([personRecord('ann')]);
    const created = writtenAt('ann@example.com');
    expect(created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    await client.api('POST', '/api/v3/users', {
      username: 'dave@example.com',
      email: 'dave@example.com',
      first_name: 'Dave',
      last_name: 'Api',
      role: 25,
    });
    expect(writtenAt('dave@example.com')).toBeNull();

    await client.bulk([personRecord('ann', { POSITION: 'Lead' })], { insert_only: true });
    expect(writtenAt('ann@example.com')).toBe(created);
    await client.bulk([personRecord('ann', { POSITION: 'Lead' })]);
    expect(String(writtenAt('ann@example.com')) >= String(created)).toBe(true);
    await client.bulk([personRecord('dave')]);
    expect(writtenAt('dave@example.com')).toEqual(expect.any(String));
  });

  it('gives the same export to code in the same process, as a copy it may change freely', async () => {
    await populate();
    const inProcess = client.sandbox.state.export();
    expect(inProcess).toEqual((await client.admin('GET', '/sandbox/state')).body);
    inProcess.people[0].username = 'changed';
    expect(client.sandbox.state.export().people[0].username).toBe('ann@example.com');
  });

  it('lists the people alone, as the export has them, each a copy it may change freely', async () => {
    await populate();
    const people = client.sandbox.state.people();
    expect(people).toEqual(client.sandbox.state.export().people);
    people[0].username = 'changed';
    expect(client.sandbox.state.people()[0].username).toBe('ann@example.com');
  });

  it('lists the people a bulk record wrote at or after a time, without copying the others', async () => {
    await populate();
    const before = new Date(Date.now() + 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await client.bulk([personRecord('ann', { POSITION: 'Principal' })]);
    const written = client.sandbox.state.peopleWrittenSince(before);
    expect(written.map((person) => person.email)).toEqual(['ann@example.com']);
    expect(written[0]).toEqual(client.sandbox.state.people().find((person) => person.email === 'ann@example.com'));
    expect(client.sandbox.state.peopleWrittenSince(new Date(Date.now() + 1000))).toEqual([]);
  });

  it('summarizes counts, the cheap read after a load test', async () => {
    await populate();
    const summary = await client.admin<SandboxStateSummary>('GET', '/sandbox/state/summary');
    expect(summary.body).toEqual({
      people: 2,
      saas_users: 1,
      runs: 2,
      runs_in_progress: 1,
      added_records_count: 2,
      updated_records_count: 0,
      skipped_records_count: 1,
      error_logs_count: 1,
    });
    expect(client.sandbox.state.summary()).toEqual(summary.body);
  });

  it('empties on reset and numbers people from 1 again', async () => {
    await populate();
    expect((await client.admin('POST', '/sandbox/reset')).status).toBe(204);
    expect(client.sandbox.state.summary()).toEqual({
      people: 0,
      saas_users: 0,
      runs: 0,
      runs_in_progress: 0,
      added_records_count: 0,
      updated_records_count: 0,
      skipped_records_count: 0,
      error_logs_count: 0,
    });
    await client.bulk([personRecord('dana')]);
    expect(client.sandbox.state.export().people.map((person) => person.id)).toEqual([1]);
  });
});
