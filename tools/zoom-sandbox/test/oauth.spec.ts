import { createZoomSandbox, ManualClock, ZoomSandbox } from '../src';
import { basicAuthorization, getApi, mintToken, requestJson, requestToken } from './support/zoom-client';

describe('Server-to-Server OAuth', () => {
  const clock = new ManualClock(Date.UTC(2025, 2, 3, 12));
  let sandbox: ZoomSandbox;
  let accountId: string;
  let app: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    sandbox = await createZoomSandbox({
      clock,
      tokenLifetimeSeconds: 600,
      accounts: [
        {
          accountId: 'oauth-account',
          users: 20,
          apps: [
            { clientId: 'sync-app', clientSecret: 'sync-secret' },
            { clientId: 'meetings-app', clientSecret: 'meetings-secret', scopes: ['meeting:read:admin'] },
            { clientId: 'disabled-app', clientSecret: 'disabled-secret', disabled: true },
          ],
        },
      ],
    });
    accountId = sandbox.accounts[0].accountId;
    app = sandbox.accounts[0].apps[0];
  });

  afterAll(() => sandbox.close());

  it('mints a bearer token for account_credentials with the app scopes and the API URL', async () => {
    const response = await requestToken(sandbox, { ...app, accountId });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
      token_type: 'bearer',
      expires_in: 600,
      scope: 'user:read:list_users:admin user:read:user:admin user:read:summary:admin',
      api_url: sandbox.url,
    });
    expect((await getApi(sandbox, '/users/summary', response.body.access_token as string)).status).toBe(200);
  });

  it('accepts the client credentials in the form body as well', async () => {
    const response = await requestJson(sandbox.oauthTokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'account_credentials',
        account_id: accountId,
        client_id: app.clientId,
        client_secret: app.clientSecret,
      }).toString(),
    });
    expect(response.status).toBe(200);
  });

  it.each([
    [
      'an unknown client (4702)',
      { clientId: 'nobody', clientSecret: 'sync-secret' },
      401,
      { reason: 'Invalid client_id or client_secret', error: 'invalid_client' },
    ],
    [
      'a wrong client secret (4704)',
      { clientId: 'sync-app', clientSecret: 'guess' },
      401,
      { reason: 'Invalid client_id or client_secret', error: 'invalid_client' },
    ],
    [
      'a disabled app (4717)',
      { clientId: 'disabled-app', clientSecret: 'disabled-secret' },
      401,
      { reason: 'The app has been disabled', error: 'invalid_client' },
    ],
  ])('answers %s with Zoom’s error body', async (_case, credentials, status, body) => {
    const response = await requestToken(sandbox, { ...credentials, accountId });
    expect(response.status).toBe(status);
    expect(response.body).toEqual(body);
  });

  it('answers an unsupported grant type (4705)', async () => {
    const response = await requestToken(sandbox, { ...app, accountId, grantType: 'client_credentials' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ reason: 'unsupported grant type', error: 'unsupported_grant_type' });
  });

  it('answers missing credentials and a missing grant type (4706)', async () => {
    const form = new URLSearchParams({ grant_type: 'account_credentials', account_id: accountId }).toString();
    const noCredentials = await requestJson(sandbox.oauthTokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(noCredentials.status).toBe(400);
    expect(noCredentials.body).toEqual({ reason: 'Client ID or client secret is missing.', error: 'invalid_request' });

    const noGrant = await requestJson(sandbox.oauthTokenUrl, {
      method: 'POST',
      headers: { authorization: basicAuthorization(app.clientId, app.clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ account_id: accountId }).toString(),
    });
    expect(noGrant.status).toBe(400);
    expect(noGrant.body).toEqual({ reason: 'Missing grant type', error: 'invalid_request' });
  });

  it('ignores parameters sent in the query string instead of the body', async () => {
    const response = await requestJson(`${sandbox.oauthTokenUrl}?grant_type=account_credentials&account_id=${accountId}`, {
      method: 'POST',
      headers: { authorization: basicAuthorization(app.clientId, app.clientSecret) },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ reason: 'Missing grant type', error: 'invalid_request' });
  });

  it('refuses an account the app is not installed on', async () => {
    const response = await requestToken(sandbox, { ...app, accountId: 'another-account' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ reason: 'Invalid account_id', error: 'invalid_request' });
  });

  it('answers API calls without a token, with a bad one or an expired one with 401 code 124', async () => {
    expect(await getApi(sandbox, '/users')).toMatchObject({ status: 401, body: { code: 124, message: 'Invalid access token.' } });
    expect(await getApi(sandbox, '/users', 'not-a-token')).toMatchObject({
      status: 401,
      body: { code: 124, message: 'Invalid access token.' },
    });
    const malformed = await requestJson(`${sandbox.apiBaseUrl}/users`, { headers: { authorization: 'Basic abc' } });
    expect(malformed).toMatchObject({ status: 401, body: { code: 124 } });

    const token = await mintToken(sandbox);
    expect((await getApi(sandbox, '/users', token)).status).toBe(200);
    clock.advance(600_000 - 1);
    expect((await getApi(sandbox, '/users', token)).status).toBe(200);
    clock.advance(1);
    expect(await getApi(sandbox, '/users', token)).toMatchObject({ status: 401, body: { code: 124, message: 'Access token is expired.' } });
    expect((await getApi(sandbox, '/users', await mintToken(sandbox))).status).toBe(200);
  });

  it('answers a token without the needed scope with Zoom’s scope error', async () => {
    const token = await mintToken(sandbox, 0, 1);
    for (const [path, scope] of [
      ['/users', 'user:read:list_users:admin'],
      ['/users/summary', 'user:read:summary:admin'],
      [`/users/${sandbox.population.users()[0].id}`, 'user:read:user:admin'],
    ]) {
      const response = await getApi(sandbox, path, token);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ code: 4711, message: `Invalid access token, does not contain scopes:[${scope}, user:read:admin].` });
    }
  });
});

describe('Server-to-Server OAuth with a cap on live tokens per app', () => {
  it('invalidates the oldest token when an app mints beyond the cap', async () => {
    const sandbox = await createZoomSandbox({ users: 5, maxTokensPerApp: 2 });
    try {
      const first = await mintToken(sandbox);
      const second = await mintToken(sandbox);
      expect((await getApi(sandbox, '/users', first)).status).toBe(200);
      const third = await mintToken(sandbox);
      expect(await getApi(sandbox, '/users', first)).toMatchObject({ status: 401, body: { code: 124 } });
      expect((await getApi(sandbox, '/users', second)).status).toBe(200);
      expect((await getApi(sandbox, '/users', third)).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });
});
