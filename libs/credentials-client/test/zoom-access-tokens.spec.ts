import { randomUUID } from 'node:crypto';
import { ZoomAccessToken } from '../src';
import { fakeCredentialsServiceAndClient } from './support/fake-credentials-service';

const tokenValid = (accessToken: string, msLeft: number): ZoomAccessToken => ({
  accessToken,
  expiresAt: new Date(Date.now() + msLeft).toISOString(),
  apiUrl: 'https://api.zoom.us/v2',
  accountId: 'account-1',
});

describe('CredentialsClient: Zoom access tokens', () => {
  const { credentials, client } = fakeCredentialsServiceAndClient();
  const tokenRequests = () => credentials.requests.filter((request) => request.url.includes('/access-token'));

  it('asks once for a burst of reads and hands every caller the same token while it has time left', async () => {
    const credential = { tenantId: 'acme', credentialId: randomUUID() };
    credentials.answer = () => ({ status: 200, body: tokenValid('token-a', 3_600_000) });

    const tokens = await Promise.all([1, 2, 3].map(() => client().zoomAccessToken(credential)));
    const later = await client().zoomAccessToken(credential);

    expect([...tokens, later].map((token) => token.accessToken)).toEqual(['token-a', 'token-a', 'token-a', 'token-a']);
    expect(tokenRequests()).toHaveLength(1);
    await client().zoomAccessToken(credential);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('asks again for a token about to expire', async () => {
    const credential = { tenantId: 'acme', credentialId: randomUUID() };
    credentials.answer = () => ({ status: 200, body: tokenValid('token-old', 60_000) });
    await client().zoomAccessToken(credential);
    credentials.answer = () => ({ status: 200, body: tokenValid('token-new', 3_600_000) });

    expect((await client().zoomAccessToken(credential)).accessToken).toBe('token-new');
    expect(tokenRequests()).toHaveLength(2);
  });

  it('uses the replacement of a token Zoom refused from then on', async () => {
    const credential = { tenantId: 'acme', credentialId: randomUUID() };
    credentials.answer = (url) => ({
      status: 200,
      body: tokenValid(url.endsWith('/invalidate') ? 'token-replacement' : 'token-refused', 3_600_000),
    });
    const refused = await client().zoomAccessToken(credential);

    await client().renewZoomAccessToken(credential, refused.accessToken);

    expect((await client().zoomAccessToken(credential)).accessToken).toBe('token-replacement');
    expect(tokenRequests().map((request) => request.method)).toEqual(['GET', 'POST']);
  });

  it('asks again after the credential changed', async () => {
    const credential = { tenantId: 'acme', credentialId: randomUUID() };
    credentials.answer = () => ({ status: 200, body: tokenValid('token-before', 3_600_000) });
    await client().zoomAccessToken(credential);
    credentials.answer = () => ({ status: 200, body: tokenValid('token-after', 3_600_000) });

    client().forgetZoomCredential(credential.credentialId);

    expect((await client().zoomAccessToken(credential)).accessToken).toBe('token-after');
  });

  it('names the tenant in every request, and keeps each tenant’s token apart even for the same credential id', async () => {
    const credentialId = randomUUID();
    credentials.answer = () => ({ status: 200, body: tokenValid(`token-${tokenRequests().length}`, 3_600_000) });

    const acme = await client().zoomAccessToken({ tenantId: 'acme', credentialId });
    const globex = await client().zoomAccessToken({ tenantId: 'globex', credentialId });
    await client()
      .oomnitzaAccess({ tenantId: 'initech', credentialId })
      .catch(() => undefined);

    expect([acme.accessToken, globex.accessToken]).toEqual(['token-1', 'token-2']);
    expect(credentials.requests.map((request) => request.headers['x-tenant-id'])).toEqual(['acme', 'globex', 'initech']);
  });

  it('asks for an Oomnitza token once for a burst of writes, and apart for each tenant', async () => {
    const credentialId = randomUUID();
    credentials.answer = () => ({ status: 200, body: { apiToken: 'oomnitza-token', baseUrl: 'https://acme.oomnitza.com' } });

    await Promise.all([1, 2, 3].map(() => client().oomnitzaAccess({ tenantId: 'acme', credentialId })));
    await client().oomnitzaAccess({ tenantId: 'acme', credentialId });
    await client().oomnitzaAccess({ tenantId: 'globex', credentialId });

    expect(credentials.requests.map((request) => request.headers['x-tenant-id'])).toEqual(['acme', 'globex']);
  });
});
