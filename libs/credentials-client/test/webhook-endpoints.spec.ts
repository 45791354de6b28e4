import { randomBytes } from 'node:crypto';
import { CredentialProblemError, CredentialsUnavailableError, ZoomWebhookEndpoint } from '../src';
import { fakeCredentialsServiceAndClient, SERVICE_TOKEN } from './support/fake-credentials-service';

const SECRET_TOKEN = 'webhook-secret-token-value';

const newEndpointId = () => randomBytes(32).toString('base64url');
const endpointOf = (zoomCredentialId: string): ZoomWebhookEndpoint => ({
  tenantId: 'acme',
  zoomCredentialId,
  accountId: 'acct-1',
  webhookSecretToken: SECRET_TOKEN,
});

describe('CredentialsClient: Zoom webhook endpoints', () => {
  const { credentials, client } = fakeCredentialsServiceAndClient();

  it('asks the internal route with the service token, and keeps the answer', async () => {
    const endpointId = newEndpointId();
    credentials.answer = () => ({ status: 200, body: endpointOf('credential-1') });

    const first = await client().zoomWebhookEndpoint(endpointId);
    const second = await client().zoomWebhookEndpoint(endpointId);

    expect(first).toEqual(endpointOf('credential-1'));
    expect(second).toEqual(first);
    expect(credentials.requests).toEqual([
      {
        method: 'GET',
        url: `/internal/zoom-webhook-endpoints/${endpointId}`,
        headers: expect.objectContaining({ authorization: `Bearer ${SERVICE_TOKEN}` }),
      },
    ]);
  });

  it('asks again once told that the credential changed, and only for that credential', async () => {
    const changed = newEndpointId();
    const unchanged = newEndpointId();
    credentials.answer = (url) => ({ status: 200, body: endpointOf(url.endsWith(changed) ? 'credential-changed' : 'credential-kept') });
    await client().zoomWebhookEndpoint(changed);
    await client().zoomWebhookEndpoint(unchanged);

    client().forgetZoomCredential('credential-changed');
    await client().zoomWebhookEndpoint(changed);
    await client().zoomWebhookEndpoint(unchanged);

    expect(credentials.requests.map((request) => request.url.split('/').pop())).toEqual([changed, unchanged, changed]);
  });

  it('reports an unknown endpoint as a credential problem (404) and keeps nothing', async () => {
    const endpointId = newEndpointId();
    credentials.answer = () => ({ status: 404, body: { status: 404, detail: 'No Zoom credential has this webhook endpoint.' } });

    await expect(client().zoomWebhookEndpoint(endpointId)).rejects.toEqual(
      new CredentialProblemError(404, 'No Zoom credential has this webhook endpoint.'),
    );
    await expect(client().zoomWebhookEndpoint(endpointId)).rejects.toBeInstanceOf(CredentialProblemError);
    expect(credentials.requests).toHaveLength(2);
  });

  it('does not ask about an id the credentials service cannot have issued', async () => {
    for (const endpointId of ['short', `${newEndpointId()}x`, '../zoom-credentials/1/access-token', `${newEndpointId().slice(1)}/`]) {
      await expect(client().zoomWebhookEndpoint(endpointId)).rejects.toMatchObject({ status: 404 });
    }
    expect(credentials.requests).toEqual([]);
  });

  it('reports the credentials service failing as unavailable, to be tried again', async () => {
    const endpointId = newEndpointId();
    credentials.answer = () => ({ status: 503, body: { detail: 'database down' } });

    await expect(client().zoomWebhookEndpoint(endpointId)).rejects.toBeInstanceOf(CredentialsUnavailableError);

    credentials.answer = () => ({ status: 200, body: endpointOf('credential-1') });
    expect(await client().zoomWebhookEndpoint(endpointId)).toEqual(endpointOf('credential-1'));
  });
});
