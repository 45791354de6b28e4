import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { createZoomSandbox, ZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';
import { firstZoomApp, PlatformDeployment, request, runSync, ServiceProcess, setUpZoomSync } from '@zoom-oomnitza-sync/local-platform';

const EXCLUDED_DOMAIN = 'eu.example.com';
const ROLE_NAMES = { '0': 'Owner', '1': 'Admin', '2': 'Member' };

type Person = Record<string, unknown>;

describe('an integration’s own mapping lines, filter rules and derived names, through all six services', () => {
  let deployment: PlatformDeployment;
  let zoom: ZoomSandbox;
  let oomnitza: OomnitzaSandbox;
  let scheduler: ServiceProcess;
  let credentials: ServiceProcess;

  beforeAll(async () => {
    zoom = await createZoomSandbox({ users: 300, seed: 7, plan: 'business' });
    oomnitza = await createOomnitzaSandbox();
    deployment = await PlatformDeployment.create('mapping');
    ({ credentials, scheduler } = await deployment.startReady(zoom, [
      'scheduler',
      'zoom-fetcher',
      'mapper',
      'oomnitza-writer',
      'notifier',
    ]));
  });

  afterAll(async () => {
    await deployment?.destroy();
    await oomnitza?.close();
    await zoom?.close();
  });

  /** A custom field of the Oomnitza sandbox, as an admin would add it for a new mapping line; answers its id. */
  async function defineField(name: string): Promise<string> {
    const response = await fetch(`${oomnitza.url}/sandbox/custom-fields`, {
      method: 'POST',
      headers: { 'x-sandbox-admin-key': oomnitza.adminKey, 'content-type': 'application/json' },
      body: JSON.stringify({ name, type: 'string' }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  it('writes each line exactly, leaves the filtered domain out (counted, not written) and derives missing names', async () => {
    // Zoom allows a user without names: the sandbox makes its display name the e-mail's local part.
    zoom.admin.createUser({ email: 'help.desk@example.com', action: 'autoCreate' });
    const setup = await setUpZoomSync({
      tenantId: 'acme',
      adminKey: deployment.adminKey,
      credentials,
      scheduler,
      zoom: firstZoomApp(zoom),
      oomnitza,
      oomnitzaRoleId: 25,
    });
    const targets = setup.fieldTargets;
    const jobTitle = await defineField('Job Title');
    const building = await defineField('Building');
    const configured = await request(`${scheduler.baseUrl}/integrations/${setup.integrationId}`, {
      method: 'PATCH',
      key: setup.schedulerKey,
      body: {
        fieldMappings: [
          { target: targets.dept, source: 'dept', transforms: [{ op: 'trim' }, { op: 'upper' }, { op: 'default', value: 'UNASSIGNED' }] },
          { target: targets.role_id, source: 'role_id', transforms: [{ op: 'lookup', table: ROLE_NAMES }] },
          // Only GET /users/{userId} has the job title; custom attributes come with include_fields.
          { target: jobTitle, source: 'job_title' },
          { target: building, source: 'custom_attributes.Building' },
        ],
        filters: {
          exclude: { match: 'any', rules: [{ source: 'email', op: 'matches', value: `@${EXCLUDED_DOMAIN.replaceAll('.', '\\.')}$` }] },
        },
      },
    });
    expect(configured.body).not.toHaveProperty('errors');
    expect(configured.status).toBe(200);

    const users = zoom.population.users();
    const excluded = users.filter((user) => user.email.toLowerCase().endsWith(`@${EXCLUDED_DOMAIN}`));
    const written = users.filter((user) => !excluded.includes(user));
    expect(excluded.length).toBeGreaterThan(0);

    const run = await runSync(scheduler, setup.schedulerKey, setup.integrationId);
    expect(run).toMatchObject({
      status: 'completed',
      fetched: users.length,
      filtered: excluded.length,
      mapped: written.length,
      rejected: 0,
      namesDerived: 2,
      created: written.length,
      failed: 0,
    });

    const people = new Map((oomnitza.state.export().people as Person[]).map((person) => [String(person.email).toLowerCase(), person]));
    expect(people.size).toBe(written.length);
    const mismatches = written.flatMap((user) => {
      const person = people.get(user.email.toLowerCase());
      const want = {
        [targets.dept]: user.dept?.trim() ? user.dept.trim().toUpperCase() : 'UNASSIGNED',
        [targets.role_id]: ROLE_NAMES[user.role_id as keyof typeof ROLE_NAMES] ?? user.role_id,
        [jobTitle]: user.job_title ?? null,
        [building]: user.custom_attributes?.find((attribute) => attribute.name === 'Building')?.value ?? null,
      };
      return Object.entries(want)
        .filter(([field, value]) => (person?.[field] ?? null) !== value)
        .map(([field, value]) => `${user.email} ${field}: ${JSON.stringify(person?.[field])} != ${JSON.stringify(value)}`);
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(written.filter((user) => user.job_title).length).toBeGreaterThan(0);
    expect(written.filter((user) => user.custom_attributes?.some((attribute) => attribute.name === 'Building')).length).toBeGreaterThan(0);
    expect(people.get('help.desk@example.com')).toMatchObject({ first_name: 'Help', last_name: 'Desk' });
  });
});
