import {
  firstZoomApp,
  issueApiKey,
  PlatformDeployment,
  request,
  runSync,
  ServiceProcess,
  setUpZoomSync,
  ZoomSyncSetup,
} from '@zoom-oomnitza-sync/local-platform';
import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { createZoomSandbox, ZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';

const EXCLUDED_DOMAIN = 'eu.example.com';

interface DryRunUser {
  userKey: string;
  outcome: string | null;
  changes: { field: string; before: unknown; after: unknown }[];
  reason: string | null;
}

interface DryRunResults {
  compared: boolean;
  summary: Record<string, number> & { fieldsChanged: Record<string, number> };
  users: DryRunUser[];
  nextAfter: string | null;
}

describe('a dry run: every change a full sync would make, listed, and Oomnitza untouched', () => {
  let deployment: PlatformDeployment;
  let zoom: ZoomSandbox;
  let oomnitza: OomnitzaSandbox;
  let scheduler: ServiceProcess;
  let credentials: ServiceProcess;
  let writer: ServiceProcess;
  let setup: ZoomSyncSetup;
  let writerKey: string;

  beforeAll(async () => {
    zoom = await createZoomSandbox({ users: 120, seed: 11 });
    oomnitza = await createOomnitzaSandbox();
    deployment = await PlatformDeployment.create('dry_run');
    const running = await deployment.startReady(zoom, ['scheduler', 'zoom-fetcher', 'mapper', 'oomnitza-writer', 'notifier']);
    ({ credentials, scheduler, 'oomnitza-writer': writer } = running);
    setup = await setUpZoomSync({
      tenantId: 'acme',
      adminKey: deployment.adminKey,
      credentials,
      scheduler,
      zoom: firstZoomApp(zoom),
      oomnitza,
      oomnitzaRoleId: 25,
    });
    writerKey = await issueApiKey(credentials, deployment.adminKey, 'acme', ['runs:read'], [writer]);
  });

  afterAll(async () => {
    await deployment?.destroy();
    await oomnitza?.close();
    await zoom?.close();
  });

  /** Every page of the dry run's results, in order. */
  async function resultsOf(runId: string, query = ''): Promise<{ first: DryRunResults; users: DryRunUser[] }> {
    const users: DryRunUser[] = [];
    let first: DryRunResults | undefined;
    let after: string | null = null;
    do {
      const page: { status: number; body: DryRunResults } = await request<DryRunResults>(
        `${writer.baseUrl}/integrations/${setup.integrationId}/dry-runs/${runId}?limit=25${query}${after ? `&after=${after}` : ''}`,
        { key: writerKey },
      );
      expect(page.status).toBe(200);
      first ??= page.body;
      users.push(...page.body.users);
      after = page.body.nextAfter;
    } while (after);
    return { first: first!, users };
  }

  it('lists exactly the changes made in Zoom since the last sync, counts the rest, and writes nothing', async () => {
    const synced = await runSync(scheduler, setup.schedulerKey, setup.integrationId);
    expect(synced).toMatchObject({ status: 'completed', failed: 0 });

    // What changes in Zoom after the sync: two departments, one first name, two new users, and a filter rule.
    const users = zoom.population.users().filter((user) => user.status === 'active');
    const [renamedDept, otherDept, renamed] = users;
    zoom.admin.updateUser(renamedDept.id, { dept: 'Dry Run Finance' });
    zoom.admin.updateUser(otherDept.id, { dept: 'Dry Run Legal' });
    zoom.admin.updateUser(renamed.id, { first_name: 'Renamed' });
    zoom.admin.createUser({ email: 'new.one@example.com', first_name: 'New', last_name: 'One', action: 'create' });
    zoom.admin.createUser({ email: 'new.two@example.com', first_name: 'New', last_name: 'Two', action: 'create' });
    const filterRule = {
      exclude: { match: 'any', rules: [{ source: 'email', op: 'matches', value: `@${EXCLUDED_DOMAIN.replaceAll('.', '\\.')}$` }] },
    };
    expect(
      (
        await request(`${scheduler.baseUrl}/integrations/${setup.integrationId}`, {
          method: 'PATCH',
          key: setup.schedulerKey,
          body: { filters: filterRule },
        })
      ).status,
    ).toBe(200);
    const everyone = zoom.population.users();
    const excluded = everyone.filter((user) => user.email.toLowerCase().endsWith(`@${EXCLUDED_DOMAIN}`));
    expect(excluded.length).toBeGreaterThan(0);

    const before = oomnitza.state.export();
    const dryRun = await runSync(scheduler, setup.schedulerKey, setup.integrationId, { mode: 'dry_run' });
    const mapped = everyone.length - excluded.length;
    expect(dryRun).toMatchObject({ status: 'completed', mode: 'dry_run', fetched: everyone.length, filtered: excluded.length, mapped });
    // The filtered-out users were synced before: a full sync ending cleanly would mark them removed.
    expect(dryRun).toMatchObject({ created: 2, updated: 3, unchanged: mapped - 5, skipped: 0, failed: 0, deactivated: excluded.length });

    const { first, users: listed } = await resultsOf(dryRun.id);
    expect(first.compared).toBe(true);
    expect(first.summary).toEqual({
      create: 2,
      update: 3,
      unchanged: mapped - 5,
      skipped: 0,
      failed: 0,
      filtered: excluded.length,
      rejected: 0,
      remove: excluded.length,
      waiting: 0,
      fieldsChanged: { [setup.fieldTargets.dept]: 2, FIRST_NAME: 1 },
    });
    expect(listed).toHaveLength(everyone.length + excluded.length);
    const updates = listed.filter((user) => user.outcome === 'update');
    expect(
      updates
        .map((user) => ({ userKey: user.userKey.toLowerCase(), changes: user.changes }))
        .sort((a, b) => a.userKey.localeCompare(b.userKey)),
    ).toEqual(
      [
        {
          userKey: renamedDept.email.toLowerCase(),
          changes: [{ field: setup.fieldTargets.dept, before: renamedDept.dept ?? null, after: 'Dry Run Finance' }],
        },
        {
          userKey: otherDept.email.toLowerCase(),
          changes: [{ field: setup.fieldTargets.dept, before: otherDept.dept ?? null, after: 'Dry Run Legal' }],
        },
        { userKey: renamed.email.toLowerCase(), changes: [{ field: 'FIRST_NAME', before: renamed.first_name, after: 'Renamed' }] },
      ].sort((a, b) => a.userKey.localeCompare(b.userKey)),
    );
    const creates = listed.filter((user) => user.outcome === 'create');
    expect(creates.map((user) => user.userKey).sort()).toEqual(['new.one@example.com', 'new.two@example.com']);
    expect(creates[0].changes).toEqual(expect.arrayContaining([{ field: 'EMAIL', before: null, after: creates[0].userKey }]));
    expect(
      listed
        .filter((user) => user.outcome === 'filtered')
        .map((user) => user.userKey)
        .sort(),
    ).toEqual(excluded.map((user) => user.email).sort());
    const removals = listed.filter((user) => user.outcome === 'remove');
    expect(removals.map((user) => user.userKey.toLowerCase()).sort()).toEqual(excluded.map((user) => user.email.toLowerCase()).sort());
    expect(removals[0]).toMatchObject({
      changes: [{ field: setup.fieldTargets.status, after: 'deleted' }],
      reason: 'no longer in Zoom, or filtered out: a full sync would mark it',
    });
    expect((await resultsOf(dryRun.id, '&outcome=update')).users).toHaveLength(3);

    // Oomnitza is as it was: the same people, and no run in its history.
    const after = oomnitza.state.export();
    expect(after.people).toEqual(before.people);
    expect(after.runs).toEqual(before.runs);
    expect(after.saas).toEqual(before.saas);
  });

  it('answers 404 for a run of another integration or tenant, and 400 for a bad page', async () => {
    const globexKey = await issueApiKey(credentials, deployment.adminKey, 'globex', ['runs:read'], [writer]);
    const runs = await request<{ id: string; mode: string }[]>(`${scheduler.baseUrl}/integrations/${setup.integrationId}/runs`, {
      key: setup.schedulerKey,
    });
    const dryRunId = runs.body.find((run) => run.mode === 'dry_run')!.id;
    const url = `${writer.baseUrl}/integrations/${setup.integrationId}/dry-runs/${dryRunId}`;
    expect((await request(url, { key: globexKey })).status).toBe(404);
    const bad = await request(`${url}?limit=0&outcome=maybe`, { key: writerKey });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
  });
});
