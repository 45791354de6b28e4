import { createOomnitzaSandbox, OomnitzaSandbox, OomnitzaSandboxOptions } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { createZoomSandbox, ZoomSandbox, ZoomUser } from '@zoom-oomnitza-sync/zoom-sandbox';
import {
  firstZoomApp,
  PlatformDeployment,
  runSync,
  ServiceProcess,
  setUpZoomSync,
  waitUntilReady,
  ZoomSyncOptions,
  ZoomSyncSetup,
} from '@zoom-oomnitza-sync/local-platform';

const USERS = 5000;
const ROLE = 25;

type Person = Record<string, unknown>;

const seconds = (iso: string | undefined) => (iso ? Math.floor(Date.parse(iso) / 1000) : null);
const mappable = (user: Readonly<ZoomUser>) => Boolean(user.email && user.first_name?.trim() && user.last_name?.trim());

describe('a full sync from Zoom to Oomnitza through all six services', () => {
  let deployment: PlatformDeployment;
  let zoom: ZoomSandbox;
  let scheduler: ServiceProcess;
  let credentials: ServiceProcess;
  const oomnitzas: OomnitzaSandbox[] = [];

  beforeAll(async () => {
    zoom = await createZoomSandbox({ users: USERS, seed: 42, plan: 'business' });
    deployment = await PlatformDeployment.create('fullsync');
    const zoomUrls = { ZOOM_OAUTH_URL: zoom.url, ZOOM_API_URL: zoom.apiBaseUrl };
    credentials = await deployment.start('credentials', zoomUrls);
    scheduler = await deployment.start('scheduler');
    const others = await Promise.all(
      (['zoom-fetcher', 'mapper', 'oomnitza-writer', 'notifier'] as const).map((name) => deployment.start(name)),
    );
    await Promise.all([credentials, scheduler, ...others].map((service) => waitUntilReady(service)));
  });

  afterAll(async () => {
    await deployment?.destroy();
    await Promise.all(oomnitzas.map((sandbox) => sandbox.close()));
    await zoom?.close();
  });

  const zoomApp = () => firstZoomApp(zoom);

  async function integrationWith(
    tenantId: string,
    overrides: Partial<ZoomSyncOptions> = {},
    sandboxOptions: OomnitzaSandboxOptions = {},
  ): Promise<{ setup: ZoomSyncSetup; oomnitza: OomnitzaSandbox }> {
    const oomnitza = await createOomnitzaSandbox(sandboxOptions);
    oomnitzas.push(oomnitza);
    const setup = await setUpZoomSync({
      tenantId,
      adminKey: deployment.adminKey,
      credentials,
      scheduler,
      zoom: zoomApp(),
      oomnitza: { url: oomnitza.url, token: oomnitza.token, adminKey: oomnitza.adminKey },
      oomnitzaRoleId: ROLE,
      ...overrides,
    });
    return { setup, oomnitza };
  }

  const peopleOf = (oomnitza: OomnitzaSandbox) =>
    new Map((oomnitza.state.export().people as Person[]).map((person) => [String(person.email).toLowerCase(), person]));

  it('lands every mappable Zoom user in Oomnitza with all twelve standard fields, and a second run writes nothing', async () => {
    const { setup, oomnitza } = await integrationWith('acme');
    const users = zoom.population.users();
    const expected = users.filter(mappable);

    const first = await runSync(scheduler, setup.schedulerKey, setup.integrationId);
    expect(first).toMatchObject({
      status: 'completed',
      fetched: users.length,
      mapped: expected.length,
      rejected: users.length - expected.length,
      created: expected.length,
      updated: 0,
      failed: 0,
    });

    const people = peopleOf(oomnitza);
    expect(people.size).toBe(expected.length);
    const targets = setup.fieldTargets;
    const mismatches: string[] = [];
    for (const user of expected) {
      const person = people.get(user.email.toLowerCase());
      const pending = user.status === 'pending';
      const want: Record<string, unknown> = {
        username: user.email,
        email: user.email,
        first_name: user.first_name.trim(),
        last_name: user.last_name.trim(),
        role: ROLE,
        [targets.id]: pending ? null : user.id,
        [targets.connector_sync_time]: seconds(first.requestedAt),
        [targets.dept]: user.dept ?? null,
        [targets.pmi]: user.pmi,
        [targets.role_id]: user.role_id ?? null,
        [targets.status]: user.status,
        [targets.timezone]: user.timezone ?? null,
        [targets.type]: user.type,
        [targets.last_login_time]: seconds(user.last_login_time),
      };
      for (const [field, value] of Object.entries(want)) {
        if ((person?.[field] ?? null) !== value) {
          mismatches.push(`${user.email} ${field}: ${JSON.stringify(person?.[field])} != ${JSON.stringify(value)}`);
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);

    const second = await runSync(scheduler, setup.schedulerKey, setup.integrationId);
    expect(second).toMatchObject({
      status: 'completed',
      fetched: users.length,
      created: 0,
      updated: 0,
      unchanged: expected.length,
      failed: 0,
    });
    const secondPortion = (
      oomnitza.state.export().runs as { portion_id: string; added_records_count: number; updated_records_count: number }[]
    ).find((run) => run.portion_id === second.id);
    expect(secondPortion).toMatchObject({ added_records_count: 0, updated_records_count: 0 });
  });

  it('creates only new people with Create only, and only updates existing ones with Update only', async () => {
    const expected = zoom.population.users().filter(mappable);
    const known = expected.slice(0, 100);

    const createOnly = await integrationWith('create-only', { preference: 'create_only' });
    const updateOnly = await integrationWith('update-only', { preference: 'update_only' });
    for (const { oomnitza } of [createOnly, updateOnly]) {
      for (const user of known) {
        const response = await fetch(`${oomnitza.url}/api/v3/users`, {
          method: 'POST',
          headers: { Authorization2: oomnitza.token, 'content-type': 'application/json' },
          body: JSON.stringify({ username: user.email, email: user.email, first_name: 'Before', last_name: 'Sync', role: 1 }),
        });
        expect(response.status).toBe(201);
      }
    }

    const created = await runSync(scheduler, createOnly.setup.schedulerKey, createOnly.setup.integrationId);
    expect(created).toMatchObject({ status: 'completed', created: expected.length - known.length, skipped: known.length, updated: 0 });
    const afterCreateOnly = peopleOf(createOnly.oomnitza);
    expect(afterCreateOnly.size).toBe(expected.length);
    expect(afterCreateOnly.get(known[0].email.toLowerCase())).toMatchObject({ first_name: 'Before', role: 1 });

    const updated = await runSync(scheduler, updateOnly.setup.schedulerKey, updateOnly.setup.integrationId);
    expect(updated).toMatchObject({ status: 'completed', created: 0, updated: known.length, skipped: expected.length - known.length });
    const afterUpdateOnly = peopleOf(updateOnly.oomnitza);
    expect(afterUpdateOnly.size).toBe(known.length);
    expect(afterUpdateOnly.get(known[0].email.toLowerCase())).toMatchObject({ first_name: known[0].first_name.trim(), role: ROLE });
  });

  it('completes a run against an Oomnitza whose portions answer nothing but whether they are canceled', async () => {
    const { setup, oomnitza } = await integrationWith('documented-only', {}, { portionAnswers: 'documented' });
    const expected = zoom.population.users().filter(mappable);

    const run = await runSync(scheduler, setup.schedulerKey, setup.integrationId);

    expect(run).toMatchObject({ status: 'completed', created: expected.length, updated: 0, unchanged: 0, skipped: 0, failed: 0 });
    expect(peopleOf(oomnitza).size).toBe(expected.length);
    const portion = await fetch(`${oomnitza.url}/api/v3/bulk/${run.id}`, { headers: { Authorization2: oomnitza.token } });
    expect(await portion.json()).toEqual({ canceled: false });
    // Oomnitza's own run history, which the writer never reads, agrees with the counts.
    const history = await fetch(`${oomnitza.url}/api/v3/connector_run_logs/zoom:${setup.integrationId}`, {
      headers: { Authorization2: oomnitza.token },
    });
    expect(await history.json()).toEqual([
      expect.objectContaining({ portion_id: run.id, status: 'Completed', added_records_count: expected.length }),
    ]);
  });

  it('fails the run with a reason naming a bad Zoom secret', async () => {
    const { setup } = await integrationWith('bad-secret', { zoom: { ...zoomApp(), clientSecret: 'not-the-secret' } });
    const run = await runSync(scheduler, setup.schedulerKey, setup.integrationId);
    expect(run.status).toBe('failed');
    expect(run.failureReason).toMatch(/client secret/);
  });
});
