import { ZoomUserChanged, ZoomUserChangedValue } from '@zoom-oomnitza-sync/contracts';
import {
  announceCredentials,
  PlatformDeployment,
  request,
  sampleOf,
  ServiceProcess,
  waitForWebhookFanOut,
  waitUntilReady,
  zoomSandboxAdmin,
} from '@zoom-oomnitza-sync/local-platform';
import { ReadMessage, readTopic, waitFor } from '@zoom-oomnitza-sync/testing';
import { createZoomSandbox, signedWebhookHeaders, ZoomSandbox, ZoomUser } from '@zoom-oomnitza-sync/zoom-sandbox';
import { randomBytes, randomUUID } from 'node:crypto';

type UserChange = { integrationId: string; observedAt: string; payload: ZoomUserChangedValue };

describe('Zoom webhooks: from the Zoom sandbox through the zoom-fetcher to zoom.user.changed', () => {
  let deployment: PlatformDeployment;
  let zoom: ZoomSandbox;
  let fetcher: ServiceProcess;
  let integrationId: string;
  let webhookUrl: string;
  const webhookSecretToken = randomBytes(24).toString('base64url');
  /** Every process of this file: none may log the secret token. */
  const processes: ServiceProcess[] = [];
  let nextUser = 0;

  /** An active user no other test has touched. */
  const freshUser = (): Readonly<ZoomUser> => zoom.population.users('active').slice(1)[nextUser++];

  /** The sandbox's admin API, as a person testing against it would call it. */
  const sandboxAdmin = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) =>
    zoomSandboxAdmin<T>({ url: zoom.url, adminKey: zoom.adminKey, accountId: zoom.accounts[0].accountId }, method, path, body);

  /** Reads zoom.user.changed from the start until `done` holds for the integration's messages. */
  async function changesUntil(done: (changes: UserChange[]) => boolean): Promise<UserChange[]> {
    const ours = (messages: readonly ReadMessage[]) =>
      messages.filter((message) => message.key === integrationId).map((message) => message.json<UserChange>());
    return ours(
      await readTopic(deployment.topics.name(ZoomUserChanged.topic), { until: (messages) => done(ours(messages)), timeoutMs: 60_000 }),
    );
  }

  const of = (user: Readonly<ZoomUser>, changes: UserChange[]) => changes.filter((change) => change.payload.user.id === user.id);

  beforeAll(async () => {
    zoom = await createZoomSandbox({ users: 30, seed: 11, plan: 'pro' });
    deployment = await PlatformDeployment.create('webhooks');
    // The fetcher first: the credentials service builds each credential's webhook URL from its address.
    fetcher = await deployment.start('zoom-fetcher', { LOG_LEVEL: 'debug' });
    const [credentials, scheduler] = await Promise.all([
      deployment.start('credentials', {
        ZOOM_OAUTH_URL: zoom.url,
        ZOOM_API_URL: zoom.apiBaseUrl,
        WEBHOOK_PUBLIC_BASE_URL: fetcher.baseUrl,
      }),
      deployment.start('scheduler'),
    ]);
    processes.push(fetcher, credentials);
    await Promise.all([fetcher, credentials, scheduler].map((service) => waitUntilReady(service)));

    const credentialsKey = await deployment.issueApiKey('acme', ['credentials:read', 'credentials:write'], [credentials]);
    const [app] = zoom.accounts[0].apps;
    const created = await request<{ id: string }>(`${credentials.baseUrl}/zoom-credentials`, {
      method: 'POST',
      key: credentialsKey,
      body: {
        name: 'Acme Zoom',
        accountId: zoom.accounts[0].accountId,
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        webhookSecretToken,
      },
    });
    expect(created.status).toBe(201);
    const shown = await request<{ webhookUrl: string }>(`${credentials.baseUrl}/zoom-credentials/${created.body.id}`, {
      key: credentialsKey,
    });
    webhookUrl = shown.body.webhookUrl;
    expect(webhookUrl).toMatch(new RegExp(`^${fetcher.baseUrl}/webhooks/zoom/[A-Za-z0-9_-]{43}$`));

    const schedulerKey = await deployment.issueApiKey('acme', ['integrations:write'], [scheduler]);
    // No Oomnitza is written to here: an Oomnitza credential the credentials service never held is announced instead.
    const oomnitzaCredentialId = randomUUID();
    await announceCredentials(deployment, 'acme', { oomnitza: [oomnitzaCredentialId] });
    const integration = await request<{ id: string }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key: schedulerKey,
      body: {
        name: 'Zoom users',
        zoomCredentialId: created.body.id,
        oomnitzaCredentialId,
        oomnitzaRoleId: 25,
        preference: 'create_and_update',
      },
    });
    integrationId = integration.body.id;
    expect((await request(`${scheduler.baseUrl}/integrations/${integrationId}/launch`, { method: 'POST', key: schedulerKey })).status).toBe(
      200,
    );
    await waitForWebhookFanOut(deployment, [integrationId]);
    // What a person does in the Zoom app's event subscription: the URL the credential shows, the secret token Zoom gave.
    await sandboxAdmin('PUT', '/sandbox/webhook', { url: webhookUrl, secretToken: webhookSecretToken });
  });

  afterAll(async () => {
    await deployment?.destroy();
    await zoom?.close();
  });

  afterEach(() => {
    for (const service of processes) {
      expect(service.output()).not.toContain(webhookSecretToken);
    }
  });

  it("answers Zoom's url_validation challenge on the credential's webhook URL", async () => {
    const validation = await sandboxAdmin<{ validated: boolean; status: number }>('POST', '/sandbox/webhook/validate');

    expect(validation).toMatchObject({ validated: true, status: 200 });
  });

  it('turns a change made in Zoom into zoom.user.changed for the integration: the whole user after an update, the event object after a deactivation', async () => {
    const updated = freshUser();
    const deactivated = freshUser();

    await sandboxAdmin('PATCH', `/sandbox/users/${updated.id}`, { dept: 'Webhook Research' });
    await sandboxAdmin('POST', `/sandbox/users/${deactivated.id}/deactivate`);

    const changes = await changesUntil((read) => of(updated, read).length > 0 && of(deactivated, read).length > 0);
    const [update] = of(updated, changes);
    expect(update.payload).toMatchObject({
      event: 'user.updated',
      complete: true,
      user: { id: updated.id, email: updated.email, dept: 'Webhook Research', status: 'active' },
      previous: { id: updated.id, dept: updated.dept ?? '' },
      zoomAccountId: zoom.accounts[0].accountId,
    });
    const [deactivation] = of(deactivated, changes);
    expect(deactivation.payload).toMatchObject({ event: 'user.deactivated', complete: false, user: { id: deactivated.id } });
    expect(deactivation.observedAt).toBe(new Date(deactivation.payload.eventTs).toISOString());
  });

  it('refuses a forged delivery with 401 problem+json, and publishes nothing of it', async () => {
    const target = freshUser();
    const sentinel = freshUser();
    const body = JSON.stringify({
      event: 'user.deleted',
      event_ts: Date.now(),
      payload: {
        account_id: zoom.accounts[0].accountId,
        operator: 'mallory@example.com',
        operator_id: 'x',
        object: { id: target.id, email: target.email },
      },
    });

    const forged = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedWebhookHeaders('a-guessed-secret-token', body, Date.now()) },
      body,
    });

    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await forged.json()).toMatchObject({ status: 401, type: 'https://zoom-oomnitza-sync.dev/problems/webhook-refused' });
    // Keyed by the integration, its messages keep their order: once a later change arrived, a published forgery would be there.
    await sandboxAdmin('POST', `/sandbox/users/${sentinel.id}/deactivate`);
    const changes = await changesUntil((read) => of(sentinel, read).length > 0);
    expect(of(target, changes)).toEqual([]);
  });

  it('publishes a duplicated delivery once', async () => {
    const duplicated = freshUser();
    const sentinel = freshUser();
    await sandboxAdmin('POST', '/sandbox/faults', { kind: 'duplicate-webhooks', count: 1 });

    await sandboxAdmin('POST', `/sandbox/users/${duplicated.id}/deactivate`);
    const deliveries = await waitFor(
      () => {
        const sent = (zoom.state().accounts[0].deliveries ?? []).filter(
          (delivery) => delivery.event === 'user.deactivated' && JSON.stringify(delivery.body).includes(duplicated.id),
        );
        return sent.length === 2 && sent.every((delivery) => delivery.state === 'delivered') && sent;
      },
      { description: 'both copies of the event to be delivered' },
    );
    expect(deliveries.map((delivery) => delivery.attempts.map((attempt) => attempt.status))).toEqual([[200], [200]]);

    await sandboxAdmin('POST', `/sandbox/users/${sentinel.id}/deactivate`);
    const changes = await changesUntil((read) => of(sentinel, read).length > 0);
    expect(of(duplicated, changes)).toHaveLength(1);
    const metrics = await request<string>(`${fetcher.baseUrl}/metrics`, { key: deployment.adminKey });
    expect(sampleOf(metrics.body, 'zoom_webhook_deliveries_total', { outcome: 'duplicate' })).toBe(1);
  });
});
