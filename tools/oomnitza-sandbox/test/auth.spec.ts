import { SandboxClient, startSandbox } from './support/sandbox-client';

describe('authentication', () => {
  let client: SandboxClient;

  beforeAll(async () => {
    client = await startSandbox();
  });

  afterAll(async () => {
    await client.close();
  });

  it("accepts the token check Oomnitza's connector makes (GET /api/v2/mappings?name=AuthTest)", async () => {
    const response = await client.api('GET', '/api/v2/mappings?name=AuthTest');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({});
  });

  it('answers 401 without an Authorization2 header', async () => {
    const response = await client.api('GET', '/api/v2/mappings?name=AuthTest', undefined, {});
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: 'Missing or wrong Authorization2 token' });
  });

  it.each([
    ['a wrong token', { authorization2: 'not-the-token' }],
    ['the token as a bearer token', { authorization: 'Bearer test-token' }],
  ])('answers 401 to %s, on every API route', async (_case, headers) => {
    for (const [method, path] of [
      ['GET', '/api/v2/mappings?name=AuthTest'],
      ['GET', '/api/v3/users'],
      ['POST', '/api/v3/bulk'],
      ['GET', '/api/v3/connector_run_logs/zoom'],
      ['GET', '/api/v3/saas_users'],
    ]) {
      expect((await client.api(method, path, undefined, headers)).status).toBe(401);
    }
  });

  it('keeps the admin API behind its own key, which the API token does not open', async () => {
    expect((await client.admin('GET', '/sandbox/state/summary')).status).toBe(200);
    expect((await client.api('GET', '/sandbox/state/summary')).status).toBe(401);
    expect((await client.api('GET', '/sandbox/state/summary', undefined, { 'x-sandbox-admin-key': 'wrong' })).status).toBe(401);
    expect((await client.api('GET', '/api/v3/users', undefined, { 'x-sandbox-admin-key': client.sandbox.adminKey })).status).toBe(401);
  });

  it('answers 404 for an unknown route and 405 for a wrong method, as JSON', async () => {
    const unknown = await client.api('GET', '/api/v3/assets');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'No route for GET /api/v3/assets' });
    const wrongMethod = await client.api('PUT', '/api/v3/bulk');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await client.api('POST', '/api/v3/bulk', '{"records": [');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'The body is not valid JSON' });
  });
});
