import {
  announceCredentials,
  defineStandardFields,
  PlatformDeployment,
  request,
  ServiceProcess,
  waitUntilReady,
} from '@zoom-oomnitza-sync/local-platform';
import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { randomUUID } from 'node:crypto';

interface Problem {
  field: string;
  message: string;
}

interface MappingCheck {
  launchable: boolean;
  problems: Problem[];
  catalogue: { fieldsRead: boolean; rolesRead: boolean; unavailable: string[] };
}

interface Suggestion {
  proposals: { source: string; target: string; confidence: number; reason: string }[];
  fieldTargets: Record<string, string>;
  fieldMappings: { target: string; source: string }[];
  catalogue: MappingCheck['catalogue'];
}

describe("Launch and Smart Mapping against the integration's Oomnitza", () => {
  let deployment: PlatformDeployment;
  let oomnitza: OomnitzaSandbox;
  let bareOomnitza: OomnitzaSandbox;
  let credentials: ServiceProcess;
  let scheduler: ServiceProcess;
  let credentialsKey: string;
  let schedulerKey: string;

  beforeAll(async () => {
    [deployment, oomnitza, bareOomnitza] = await Promise.all([
      PlatformDeployment.create('mapping_launch'),
      createOomnitzaSandbox(),
      createOomnitzaSandbox({ catalogue: false }),
    ]);
    [credentials, scheduler] = await Promise.all([deployment.start('credentials'), deployment.start('scheduler')]);
    await Promise.all([waitUntilReady(credentials), waitUntilReady(scheduler)]);
    credentialsKey = await deployment.issueApiKey('acme', ['credentials:write'], [credentials]);
    schedulerKey = await deployment.issueApiKey('acme', ['integrations:read', 'integrations:write'], [scheduler]);
    await announceCredentials(deployment, 'acme', { zoom: ['zoom-acme'] });
  });

  afterAll(async () => {
    await deployment?.destroy();
    await Promise.all([oomnitza?.close(), bareOomnitza?.close()]);
  });

  /** A draft integration writing to `instance` with the standard mapping's default targets. */
  async function draftFor(instance: OomnitzaSandbox, oomnitzaRoleId: number): Promise<string> {
    const credential = await request<{ id: string }>(`${credentials.baseUrl}/oomnitza-credentials`, {
      method: 'POST',
      key: credentialsKey,
      body: { name: `oomnitza ${randomUUID()}`, baseUrl: instance.url, apiToken: instance.token },
    });
    expect(credential.status).toBe(201);
    const created = await request<{ id: string }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key: schedulerKey,
      body: { name: 'Zoom users', zoomCredentialId: 'zoom-acme', oomnitzaCredentialId: credential.body.id, oomnitzaRoleId },
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it('refuses Launch, naming each problem, until the mapping fits Oomnitza; Smart Mapping proposes the standard mapping', async () => {
    const id = await draftFor(oomnitza, 3);
    const url = `${scheduler.baseUrl}/integrations/${id}`;

    const check = await request<MappingCheck>(`${url}/mapping/check`, { key: schedulerKey });
    expect(check.status).toBe(200);
    expect(check.body.launchable).toBe(false);
    expect(check.body.catalogue).toEqual({ fieldsRead: true, rolesRead: true, unavailable: [] });
    expect(check.body.problems).toEqual(
      expect.arrayContaining([
        { field: 'oomnitzaRoleId', message: 'Oomnitza has no role 3; its roles are 1 (Administrator), 2 (Manager), 25 (Employee)' },
        { field: 'fieldTargets.dept', message: 'Oomnitza has no people field DEPARTMENT' },
        { field: 'fieldTargets.id', message: 'Oomnitza has no people field ZOOM_ID' },
      ]),
    );
    const refused = await request<{ detail: string; errors: Problem[] }>(`${url}/launch`, { method: 'POST', key: schedulerKey });
    expect(refused.status).toBe(409);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.errors).toEqual(check.body.problems);
    expect((await request<{ status: string }>(url, { key: schedulerKey })).body.status).toBe('draft');

    // The tenant makes the standard mapping's fields in Oomnitza; Smart Mapping finds each under its generated id.
    const standardTargets = await defineStandardFields({ url: oomnitza.url, token: oomnitza.token, adminKey: oomnitza.adminKey });
    const suggestion = await request<Suggestion>(`${url}/mapping/suggest`, { method: 'POST', key: schedulerKey });
    expect(suggestion.status).toBe(200);
    expect(suggestion.body.fieldTargets).toEqual(standardTargets);
    expect(suggestion.body.catalogue.fieldsRead).toBe(true);
    expect(suggestion.body.proposals.find((proposal) => proposal.source === 'pmi')).toMatchObject({
      target: standardTargets.pmi,
      confidence: 0.95,
    });

    const accepted = await request(url, {
      method: 'PATCH',
      key: schedulerKey,
      body: { fieldTargets: suggestion.body.fieldTargets, oomnitzaRoleId: 25 },
    });
    expect(accepted.status).toBe(200);
    expect((await request<MappingCheck>(`${url}/mapping/check`, { key: schedulerKey })).body).toMatchObject({
      launchable: true,
      problems: [],
    });
    expect(await request(`${url}/launch`, { method: 'POST', key: schedulerKey })).toMatchObject({
      status: 200,
      body: { status: 'active' },
    });
  });

  it('refuses a line whose values the Oomnitza field does not take, naming the line', async () => {
    const id = await draftFor(oomnitza, 25);
    const url = `${scheduler.baseUrl}/integrations/${id}`;
    const standardTargets = await defineStandardFields({ url: oomnitza.url, token: oomnitza.token, adminKey: oomnitza.adminKey });
    const tier = await fetch(`${oomnitza.url}/sandbox/custom-fields`, {
      method: 'POST',
      headers: { 'x-sandbox-admin-key': oomnitza.adminKey, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Licence Tier', type: 'dropdown', values: ['Basic', 'Licensed'] }),
    });
    const tierId = ((await tier.json()) as { id: string }).id;
    await request(url, {
      method: 'PATCH',
      key: schedulerKey,
      body: {
        fieldTargets: standardTargets,
        fieldMappings: [
          { target: tierId, source: 'type', transforms: [{ op: 'lookup', table: { '1': 'Basic', '2': 'Licensed' }, value: 'Other' }] },
        ],
      },
    });
    const refused = await request<{ errors: Problem[] }>(`${url}/launch`, { method: 'POST', key: schedulerKey });
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([
      {
        field: 'fieldMappings[0].target',
        message: `Licence Tier (${tierId}) is a dropdown field with the values Basic, Licensed: "Other" is not among them`,
      },
    ]);
  });

  it('without a catalogue from Oomnitza, checks what its documentation allows, proposes from its documented fields, and says so', async () => {
    const id = await draftFor(bareOomnitza, 3);
    const url = `${scheduler.baseUrl}/integrations/${id}`;
    const check = await request<MappingCheck>(`${url}/mapping/check`, { key: schedulerKey });
    expect(check.body).toEqual({
      launchable: true,
      problems: [],
      catalogue: {
        fieldsRead: false,
        rolesRead: false,
        unavailable: [
          'field catalogue: this Oomnitza does not offer /api/v3/fields/users (404)',
          'roles: this Oomnitza does not offer /api/v3/roles (404)',
        ],
      },
    });
    const suggestion = await request<Suggestion>(`${url}/mapping/suggest`, { method: 'POST', key: schedulerKey });
    expect(suggestion.body.fieldTargets).toEqual({ email: 'EMAIL', first_name: 'FIRST_NAME', last_name: 'LAST_NAME' });
    expect(suggestion.body.fieldMappings).toEqual(
      expect.arrayContaining([
        { target: 'PHONE', source: 'phone_number' },
        { target: 'POSITION', source: 'job_title' },
      ]),
    );
    expect(await request(`${url}/launch`, { method: 'POST', key: schedulerKey })).toMatchObject({
      status: 200,
      body: { status: 'active' },
    });
  });
});
