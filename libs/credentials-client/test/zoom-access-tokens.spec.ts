import { randomUUID } from 'node:crypto';
import { ZoomAccessToken } from '../src';
import { fakeCredentialsServiceAndClient } from './support/fake-credentials-service';

const tokenValid = (accessToken: string, msLeft: number): ZoomAccessToken => ({
  accessToken,
  expiresAt: new Date(Date.now() + msLeft).toISOString(),
  apiUrl: 'https://api.zoom.us/v2',
});

describe('CredentialsClient: Zoom access tokens', () => {
  const { credentials, client } = fakeCredentialsServiceAndClient();
  const tokenRequests = () => credentials.requests.filter((request) => request.url.includes('/access-token'));

  it('asks once for a burst of reads and hands every caller the same token while it has time left', async () => {
    const credentialId = randomUUID();
    credentials.answer = () => ({ status: 200, body: tokenValid('token-a', 3_600_000) });

    const tokens = await Promise.all([1, 2, 3].map(() => client().zoomAccessToken(credentialId)));
    const later = await client().zoomAccessToken(credentialId);

    expect([...tokens, later].map((token) => token.accessToken)).toEqual(['token-a', 'token-a', 'token-a', 'token-a']);
    expect(tokenRequests()).toHaveLength(1);
    await client().zoomAccessToken(credentialId);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('asks again for a token about to expire', async () => {
    const credentialId = randomUUID();
    credentials.answer = () => ({ status: 200, body: tokenValid('token-old', 60_000) });
    await client().zoomAccessToken(credentialId);
    credentials.answer = () => ({ status: 200, body: tokenValid('token-new', 3_600_000) });

    expect((await client().zoomAccessToken(credentialId)).accessToken).toBe('token-new');
    expect(tokenRequests()).toHaveLength(2);
  });

  it('uses the replacement of a token Zoom refused from then on', async () => {
    const credentialId = randomUUID();
    credentials.answer = (url) => ({
      status: 200,
      body: tokenValid(url.endsWith('/invalidate') ? 'token-replacement' : 'token-refused', 3_600_000),
    });
    const refused = await client().zoomAccessToken(credentialId);

    await client().renewZoomAccessToken(credentialId, refused.accessToken);

    expect((await client().zoomAccessToken(credentialId)).accessToken).toBe('token-replacement');
    expect(tokenRequests().map((request) => request.method)).toEqual(['GET', 'POST']);
  });

  it('asks again after the credential changed', async () => {
    const credentialId = randomUUID();
    credentials.answer = () => ({ status: 200, body: tokenValid('token-before', 3_600_000) });
    await client().zoomAccessToken(credentialId);
    credentials.answer = () => ({ status: 200, body: tokenValid('token-after', 3_600_000) });

    client().forgetZoomCredential(credentialId);

    expect((await client().zoomAccessToken(credentialId)).accessToken).toBe('token-after');
  });
});
