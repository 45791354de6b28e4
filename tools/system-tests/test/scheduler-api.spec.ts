import { announceCredentials, PlatformDeployment, request, ServiceProcess, waitUntilReady } from '@zoom-oomnitza-sync/local-platform';

describe('the scheduler API', () => {
  let deployment: PlatformDeployment;
  let scheduler: ServiceProcess;
  let acmeKey: string;
  let globexKey: string;
  let acmeIntegrationId: string;

  beforeAll(async () => {
    deployment = await PlatformDeployment.create('tenants');
    scheduler = await deployment.start('scheduler');
    await waitUntilReady(scheduler);
    const scopes = ['integrations:read', 'integrations:write', 'runs:read', 'runs:write'];
    acmeKey = await deployment.issueApiKey('acme', scopes, [scheduler]);
    await announceCredentials(deployment, 'acme', { zoom: ['zoom-acme'], oomnitza: ['oomnitza-acme'] });
    globexKey = await deployment.issueApiKey('globex', scopes, [scheduler]);
    const created = await request<{ id: string; status: string }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key: acmeKey,
      body: { name: 'Acme Zoom users', zoomCredentialId: 'zoom-acme', oomnitzaCredentialId: 'oomnitza-acme', oomnitzaRoleId: 3 },
    });
    expect(created).toMatchObject({ status: 201, body: { status: 'draft' } });
    acmeIntegrationId = created.body.id;
    const launched = await request(`${scheduler.baseUrl}/integrations/${acmeIntegrationId}/launch`, { method: 'POST', key: acmeKey });
    expect(launched.status).toBe(200);
  });

  afterAll(() => deployment?.destroy());

  it('lets a tenant read its own integration', async () => {
    const own = await request(`${scheduler.baseUrl}/integrations/${acmeIntegrationId}`, { key: acmeKey });
    expect(own).toMatchObject({ status: 200, body: { id: acmeIntegrationId, tenantId: 'acme' } });
  });

  it("answers 404, not 403, for another tenant's integration and its runs", async () => {
    const read = await request(`${scheduler.baseUrl}/integrations/${acmeIntegrationId}`, { key: globexKey });
    expect(read.status).toBe(404);
    expect(read.contentType).toContain('application/problem+json');
    const run = await request(`${scheduler.baseUrl}/integrations/${acmeIntegrationId}/runs`, { method: 'POST', key: globexKey });
    expect(run.status).toBe(404);
    const list = await request<unknown[]>(`${scheduler.baseUrl}/integrations`, { key: globexKey });
    expect(list).toMatchObject({ status: 200, body: [] });
  });

  it('refuses a key without the scope a route needs with 403', async () => {
    const readOnly = await deployment.issueApiKey('acme', ['integrations:read'], [scheduler]);
    const response = await request(`${scheduler.baseUrl}/integrations/${acmeIntegrationId}/runs`, { method: 'POST', key: readOnly });
    expect(response.status).toBe(403);
    expect(response.contentType).toContain('application/problem+json');
  });

  it('rejects unknown and malformed fields with 400 problem+json naming them', async () => {
    const response = await request<{ errors: { field: string }[] }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key: acmeKey,
      body: { name: '', zoomCredentialId: 'zoom 1', oomnitzaCredentialId: 'o-1', tenantId: 'globex' },
    });
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.errors.map((error) => error.field).sort()).toEqual(['name', 'tenantId', 'zoomCredentialId']);
  });

  it('takes mapping lines and filter rules, shows them, and refuses what it could not run with 400 naming each line or rule', async () => {
    const fieldMappings = [
      { target: 'DEPARTMENT', source: 'dept', transforms: [{ op: 'trim' }, { op: 'upper' }] },
      { target: 'FULL_NAME', transforms: [{ op: 'template', template: '{first_name} {last_name}' }] },
    ];
    const filters = { exclude: { match: 'any', rules: [{ source: 'email', op: 'matches', value: '@contractor\\.example\\.com$' }] } };
    const created = await request<{ id: string }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key: acmeKey,
      body: { name: 'Mapped', zoomCredentialId: 'zoom-acme', oomnitzaCredentialId: 'oomnitza-acme', fieldMappings, filters },
    });
    expect(created).toMatchObject({ status: 201, body: { fieldMappings, filters, deriveMissingNames: true } });

    const refused = await request<{ detail: string; errors: { field: string; message: string }[] }>(
      `${scheduler.baseUrl}/integrations/${created.body.id}`,
      {
        method: 'PATCH',
        key: acmeKey,
        body: {
          deriveMissingNames: false,
          fieldMappings: [
            ...fieldMappings,
            { target: 'EMAIL', source: 'display_name' },
            { target: 'PHONE', source: 'phone_number', transforms: [{ op: 'regex_replace', pattern: '([', replacement: '' }] },
          ],
          filters: { include: { match: 'all', rules: [{ source: 'nickname', op: 'equals', value: 'x' }] } },
        },
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      { field: 'fieldMappings[2].target', message: 'EMAIL is filled by the platform itself and cannot be mapped' },
      {
        field: 'fieldMappings[3].transforms[0]',
        message: expect.stringContaining('regex_replace: pattern is not a valid regular expression'),
      },
      { field: 'filters.include.rules[0].source', message: '"nickname" is not a Zoom user field' },
    ]);
    const unchanged = await request(`${scheduler.baseUrl}/integrations/${created.body.id}`, { key: acmeKey });
    expect(unchanged.body).toMatchObject({ fieldMappings, filters, deriveMissingNames: true });

    const malformed = await request<{ errors: { field: string }[] }>(`${scheduler.baseUrl}/integrations/${created.body.id}`, {
      method: 'PATCH',
      key: acmeKey,
      body: { fieldMappings: [{ target: 'X', transforms: [{ op: 'shout' }] }] },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((error) => error.field)).toEqual(['fieldMappings.0.transforms.0.op']);
  });

  it('says, with the integration, when its mapping makes full syncs read each user once more or list custom attributes', async () => {
    const created = await request<{ id: string; zoomReads: unknown }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key: acmeKey,
      body: { name: 'Plain', zoomCredentialId: 'zoom-acme', oomnitzaCredentialId: 'oomnitza-acme' },
    });
    expect(created.body.zoomReads).toEqual({ perUserSources: [], customAttributes: false, summary: 'full syncs list users only' });
    const changed = await request<{ zoomReads: unknown }>(`${scheduler.baseUrl}/integrations/${created.body.id}`, {
      method: 'PATCH',
      key: acmeKey,
      body: {
        fieldMappings: [
          { target: 'TITLE', source: 'job_title' },
          { target: 'BUILDING', source: 'custom_attributes.Building' },
        ],
        filters: { exclude: { match: 'any', rules: [{ source: 'company', op: 'equals', value: 'Contractors Ltd' }] } },
      },
    });
    expect(changed.body.zoomReads).toEqual({
      perUserSources: ['company', 'job_title'],
      customAttributes: true,
      summary:
        'full syncs read each listed user once more (GET /users/{userId}, within the account’s Light rate limit) for company, job_title, ' +
        'and list users with their custom attributes',
    });
    const read = await request<{ zoomReads: unknown }>(`${scheduler.baseUrl}/integrations/${created.body.id}`, { key: acmeKey });
    expect(read.body.zoomReads).toEqual(changed.body.zoomReads);
  });

  it('refuses to make a launched integration User plus SaaS user without the Zoom app in Oomnitza, changing nothing', async () => {
    const url = `${scheduler.baseUrl}/integrations/${acmeIntegrationId}`;
    const refused = await request<{ errors: { field: string; message: string }[] }>(url, {
      method: 'PATCH',
      key: acmeKey,
      body: { type: 'user_and_saas' },
    });
    expect(refused.status).toBe(400);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([
      { field: 'oomnitzaSaasId', message: 'a User plus SaaS user integration needs the id of the Zoom SaaS app in Oomnitza' },
    ]);
    expect((await request(url, { key: acmeKey })).body).toMatchObject({ type: 'user', status: 'active' });
  });

  it("refuses another tenant's credentials with 422 problem+json, as if they did not exist", async () => {
    const response = await request<{ errors: { field: string; message: string }[] }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key: globexKey,
      body: { name: 'Borrowed', zoomCredentialId: 'zoom-acme', oomnitzaCredentialId: 'oomnitza-acme', oomnitzaRoleId: 3 },
    });

    expect(response.status).toBe(422);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.errors).toEqual([
      { field: 'zoomCredentialId', message: 'no Zoom credential zoom-acme of this tenant is known' },
      { field: 'oomnitzaCredentialId', message: 'no Oomnitza credential oomnitza-acme of this tenant is known' },
    ]);
    expect(await request(`${scheduler.baseUrl}/integrations`, { key: globexKey })).toMatchObject({ status: 200, body: [] });
  });

  it('keeps an integration a draft until it has an Oomnitza role, and runs only launched ones', async () => {
    const draft = await request<{ id: string }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key: acmeKey,
      body: { name: 'No role yet', zoomCredentialId: 'zoom-acme', oomnitzaCredentialId: 'oomnitza-acme', preference: 'update_only' },
    });
    expect(draft).toMatchObject({ status: 201, body: { status: 'draft', preference: 'update_only', type: 'user', syncKey: 'email' } });
    const url = `${scheduler.baseUrl}/integrations/${draft.body.id}`;

    const refusedRun = await request(`${url}/runs`, { method: 'POST', key: acmeKey });
    expect(refusedRun.status).toBe(409);
    const refusedLaunch = await request<{ detail: string }>(`${url}/launch`, { method: 'POST', key: acmeKey });
    expect(refusedLaunch.status).toBe(409);
    expect(refusedLaunch.body.detail).toContain('oomnitzaRoleId');

    const patched = await request(url, { method: 'PATCH', key: acmeKey, body: { oomnitzaRoleId: 7, type: 'user_and_saas' } });
    expect(patched).toMatchObject({ status: 200, body: { oomnitzaRoleId: 7, type: 'user_and_saas', status: 'draft' } });
    const withoutApp = await request<{ errors: { field: string }[] }>(`${url}/launch`, { method: 'POST', key: acmeKey });
    expect(withoutApp.status).toBe(409);
    expect(withoutApp.body.errors.map((error) => error.field)).toEqual(['oomnitzaSaasId']);
    await request(url, { method: 'PATCH', key: acmeKey, body: { oomnitzaSaasId: '8d4c2f0e-6b1a-4f3e-9c57-2a0b7e5d1f63' } });
    expect(await request(`${url}/launch`, { method: 'POST', key: acmeKey })).toMatchObject({ status: 200, body: { status: 'active' } });

    const run = await request<{ id: string }>(`${url}/runs`, { method: 'POST', key: acmeKey });
    expect(run).toMatchObject({ status: 202, body: { status: 'requested', fetched: 0, mapped: 0 } });
    const runs = await request<{ id: string }[]>(`${url}/runs`, { key: acmeKey });
    expect(runs.body.map((listed) => listed.id)).toEqual([run.body.id]);
  });

  it('refuses null for a field an integration cannot do without (400), changing nothing', async () => {
    const url = `${scheduler.baseUrl}/integrations/${acmeIntegrationId}`;
    const refused = await request<{ errors: { field: string }[] }>(url, {
      method: 'PATCH',
      key: acmeKey,
      body: { name: null, oomnitzaRoleId: null, schedule: null },
    });

    expect(refused.status).toBe(400);
    expect(refused.contentType).toContain('application/problem+json');
    expect([...new Set(refused.body.errors.map((error) => error.field))].sort()).toEqual(['name', 'oomnitzaRoleId', 'schedule']);
    expect(await request(url, { key: acmeKey })).toMatchObject({
      status: 200,
      body: { name: 'Acme Zoom users', oomnitzaRoleId: 3, status: 'active' },
    });
  });

  it('answers "Run now" during a run with 409 problem+json naming the active run', async () => {
    const url = `${scheduler.baseUrl}/integrations/${acmeIntegrationId}`;
    const first = await request<{ id: string }>(`${url}/runs`, { method: 'POST', key: acmeKey });
    expect(first.status).toBe(202);

    const second = await request<{ slug?: string; type: string; detail: string; activeRunId: string }>(`${url}/runs`, {
      method: 'POST',
      key: acmeKey,
    });

    expect(second.status).toBe(409);
    expect(second.contentType).toContain('application/problem+json');
    expect(second.body).toMatchObject({ type: expect.stringMatching(/run-active$/), activeRunId: first.body.id });
    expect(second.body.detail).toContain(first.body.id);
  });

  it('shows the schedule and the next run; takes a schedule in a timezone; pauses and resumes', async () => {
    const created = await request<{ id: string; schedule: unknown; nextRunAt: string | null }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key: acmeKey,
      body: {
        name: 'Weekly',
        zoomCredentialId: 'zoom-acme',
        oomnitzaCredentialId: 'oomnitza-acme',
        oomnitzaRoleId: 3,
        schedule: { kind: 'weekly', days: ['mon'], time: '07:00', timezone: 'Europe/Berlin' },
      },
    });
    expect(created).toMatchObject({
      status: 201,
      body: { schedule: { kind: 'weekly', days: ['mon'], time: '07:00', timezone: 'Europe/Berlin' }, nextRunAt: null },
    });
    const url = `${scheduler.baseUrl}/integrations/${created.body.id}`;
    const launched = await request<{ nextRunAt: string }>(`${url}/launch`, { method: 'POST', key: acmeKey });
    const next = new Date(launched.body.nextRunAt);
    expect(next.getUTCDay()).toBe(1);
    expect([5, 6]).toContain(next.getUTCHours()); // 07:00 in Berlin: 06:00 UTC in winter, 05:00 in summer

    const refused = await request<{ errors: { field: string }[] }>(url, {
      method: 'PATCH',
      key: acmeKey,
      body: { schedule: { kind: 'every_hours', everyHours: 5, timezone: 'Mars/Olympus' } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error) => error.field).sort()).toEqual(['schedule.everyHours', 'schedule.timezone']);

    expect(await request(`${url}/pause`, { method: 'POST', key: acmeKey })).toMatchObject({
      status: 200,
      body: { status: 'paused', nextRunAt: null },
    });
    expect((await request(`${url}/runs`, { method: 'POST', key: acmeKey })).status).toBe(409);
    const resumed = await request<{ status: string; nextRunAt: string }>(`${url}/resume`, { method: 'POST', key: acmeKey });
    expect(resumed).toMatchObject({ status: 200, body: { status: 'active' } });
    expect(new Date(resumed.body.nextRunAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('shows the removal policy and mass-removal threshold, defaults included, and refuses values out of range', async () => {
    const url = `${scheduler.baseUrl}/integrations/${acmeIntegrationId}`;
    expect(await request(url, { key: acmeKey })).toMatchObject({
      status: 200,
      body: { onZoomRemoval: 'mark', removalThresholdPercent: 10, removalThresholdMinimum: 20 },
    });

    const refused = await request<{ errors: { field: string }[] }>(url, {
      method: 'PATCH',
      key: acmeKey,
      body: { onZoomRemoval: 'delete', removalThresholdPercent: 101, removalThresholdMinimum: -1 },
    });
    expect(refused.status).toBe(400);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.errors.map((error) => error.field).sort()).toEqual([
      'onZoomRemoval',
      'removalThresholdMinimum',
      'removalThresholdPercent',
    ]);

    const ignoring = await request(url, { method: 'PATCH', key: acmeKey, body: { onZoomRemoval: 'ignore', removalThresholdPercent: 25 } });
    expect(ignoring).toMatchObject({
      status: 200,
      body: { onZoomRemoval: 'ignore', removalThresholdPercent: 25, removalThresholdMinimum: 20 },
    });
    const docs = await request<{ components: { schemas: Record<string, { properties: Record<string, unknown> }> } }>(
      `${scheduler.baseUrl}/docs-json`,
    );
    expect(Object.keys(docs.body.components.schemas.CreateIntegrationDto.properties)).toEqual(
      expect.arrayContaining(['onZoomRemoval', 'removalThresholdPercent', 'removalThresholdMinimum']),
    );
  });

  it('shows nothing held, refuses a decision when nothing is held (409), and hides another tenant’s hold (404)', async () => {
    const routes = `${scheduler.baseUrl}/integrations/${acmeIntegrationId}/held-removals`;
    expect(await request(routes, { key: acmeKey })).toMatchObject({ status: 200, body: { held: false, count: 0, examples: [] } });

    for (const decision of ['approve', 'discard']) {
      const nothingHeld = await request<{ detail: string }>(`${routes}/${decision}`, { method: 'POST', key: acmeKey });
      expect(nothingHeld.status).toBe(409);
      expect(nothingHeld.contentType).toContain('application/problem+json');
      expect(nothingHeld.body.detail).toContain('no removals held');

      const elsewhere = await request(`${routes}/${decision}`, { method: 'POST', key: globexKey });
      expect(elsewhere.status).toBe(404);
      expect(elsewhere.contentType).toContain('application/problem+json');
    }
    expect((await request(routes, { key: globexKey })).status).toBe(404);

    const readOnly = await deployment.issueApiKey('acme', ['integrations:read'], [scheduler]);
    expect((await request(`${routes}/approve`, { method: 'POST', key: readOnly })).status).toBe(403);
  });

  it('refuses a Local installation, which cannot do the OAuth Zoom needs', async () => {
    const response = await request<{ detail: string }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key: acmeKey,
      body: { name: 'Local', installationType: 'local', zoomCredentialId: 'z', oomnitzaCredentialId: 'o' },
    });
    expect(response.status).toBe(422);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.detail).toContain('OAuth');
  });
});
