import { CredentialsChanged, CredentialsChangedValue, MessageEnvelope } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage } from '@zoom-oomnitza-sync/messaging';
import { randomUUID } from 'node:crypto';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { CredentialChangesController } from '../src/webhooks/credential-changes.controller';
import { WebhookEventRetention } from '../src/webhooks/webhook-event-retention';
import { TestEndpoint, WebhookTestBed } from './support/webhook-test-bed';
import { userEvent } from './support/zoom-events';

const ADA = { id: 'active-1', email: 'active-1@example.com', first_name: 'Ada', last_name: 'Lovelace', type: 2 };

describe('Zoom webhooks: taken in once, fanned out to the active integrations of the credential', () => {
  let bed: WebhookTestBed;
  let endpoint: TestEndpoint;

  beforeAll(async () => {
    bed = await WebhookTestBed.start('webhook_intake');
  });

  beforeEach(async () => {
    await bed.clear();
    endpoint = bed.endpoint();
  });

  afterAll(() => bed?.close());

  it.each(['user.deactivated', 'user.deleted', 'user.disassociated'] as const)(
    'publishes %s at once with the webhook object, observed at the event time, without reading Zoom',
    async (event) => {
      const integrationId = await bed.integration(endpoint.zoomCredentialId, 'active', { tenantId: 'acme' });
      const body = userEvent(event, endpoint.accountId, ADA, { eventTs: 1_764_300_000_123 });

      expect((await bed.deliver(endpoint, body)).status).toBe(200);

      expect(await bed.published()).toEqual([
        expect.objectContaining({
          type: 'zoom.user.changed',
          tenantId: 'acme',
          integrationId,
          observedAt: '2025-11-28T03:20:00.123Z',
          payload: { event, eventTs: 1_764_300_000_123, user: ADA, complete: false, zoomAccountId: endpoint.accountId },
        }),
      ]);
      expect(bed.zoom.userReads).toEqual([]);
      expect(await bed.stored()).toEqual({ events: 1, reads: 0, outbox: 1 });
    },
  );

  it('fans out to every active integration of that credential only: not paused, draft or deleted ones, nor other credentials', async () => {
    const other = bed.endpoint({ tenantId: 'globex' });
    const first = await bed.integration(endpoint.zoomCredentialId, 'active');
    const second = await bed.integration(endpoint.zoomCredentialId, 'active', { tenantId: 'acme-eu' });
    await bed.integration(endpoint.zoomCredentialId, 'paused');
    await bed.integration(endpoint.zoomCredentialId, 'draft');
    await bed.integration(endpoint.zoomCredentialId, 'deleted');
    await bed.integration(other.zoomCredentialId, 'active', { tenantId: 'globex' });
    const fannedOut = await bed.counting('zoom_user_changes_published_total', { path: 'webhook' });

    expect((await bed.deliver(endpoint, userEvent('user.deleted', endpoint.accountId, ADA))).status).toBe(200);

    const published = await bed.published();
    expect(published.map((message) => [message.integrationId, message.tenantId]).sort()).toEqual(
      [
        [first, 'acme'],
        [second, 'acme-eu'],
      ].sort(),
    );
    expect(await fannedOut()).toBe(2);
  });

  it('stops fanning out to an integration the moment its pause is applied, though the last event looked it up', async () => {
    const integrationId = await bed.integration(endpoint.zoomCredentialId, 'active', { revision: 1 });
    expect(
      (await bed.deliver(endpoint, userEvent('user.deactivated', endpoint.accountId, ADA, { eventTs: 1_764_300_000_000 }))).status,
    ).toBe(200);
    await bed.integration(endpoint.zoomCredentialId, 'paused', { integrationId, revision: 2 });

    expect((await bed.deliver(endpoint, userEvent('user.deleted', endpoint.accountId, ADA, { eventTs: 1_764_300_001_000 }))).status).toBe(
      200,
    );

    expect((await bed.published()).map((message) => (message.payload as { event: string }).event)).toEqual(['user.deactivated']);
  });

  it("takes a known user's event in with one statement outside any transaction: the event, the user and its messages", async () => {
    await bed.integration(endpoint.zoomCredentialId, 'active');
    expect(
      (await bed.deliver(endpoint, userEvent('user.deactivated', endpoint.accountId, ADA, { eventTs: 1_764_300_000_000 }))).status,
    ).toBe(200);
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      expect((await bed.deliver(endpoint, userEvent('user.deleted', endpoint.accountId, ADA, { eventTs: 1_764_300_001_000 }))).status).toBe(
        200,
      );
      const intake = statements.mock.calls
        .map(([sql], call) => ({ sql: String(sql), inTransaction: statements.mock.contexts[call].isTransactionActive }))
        .filter(({ sql }) => /known_users|webhook_events|"integrations"|INSERT INTO \S+\."outbox"/.test(sql));
      expect(intake).toHaveLength(1);
      expect(intake[0].sql).toMatch(/webhook_events[\s\S]*known_users[\s\S]*outbox/);
      expect(intake[0].inTransaction).toBe(false);
    } finally {
      statements.mockRestore();
    }
    expect(await bed.published()).toHaveLength(2);
  });

  it('keeps the newest revision of each integration: a late older one changes nothing', async () => {
    const integrationId = randomUUID();
    await bed.integration(endpoint.zoomCredentialId, 'active', { integrationId, revision: 5 });
    await bed.integration(endpoint.zoomCredentialId, 'paused', { integrationId, revision: 6 });
    await bed.integration(endpoint.zoomCredentialId, 'active', { integrationId, revision: 4 });

    expect((await bed.deliver(endpoint, userEvent('user.deactivated', endpoint.accountId, ADA))).status).toBe(200);

    expect(await bed.published()).toEqual([]);
    expect(await bed.query('SELECT state, revision FROM integrations WHERE integration_id = $1', [integrationId])).toEqual([
      { state: 'paused', revision: 6 },
    ]);
  });

  it('answers a duplicated and a redelivered event 200, with one effect: same event, user and event time', async () => {
    await bed.integration(endpoint.zoomCredentialId, 'active');
    const body = JSON.stringify(userEvent('user.deactivated', endpoint.accountId, ADA, { eventTs: 1_764_300_000_000 }));
    const duplicates = await bed.counting('zoom_webhook_deliveries_total', { outcome: 'duplicate' });
    const signedAt = Math.floor(Date.now() / 1000);

    const answers = await Promise.all([
      bed.deliver(endpoint, body, { timestamp: signedAt }),
      bed.deliver(endpoint, body, { timestamp: signedAt }),
      // Zoom's retry: the same body signed anew.
      bed.deliver(endpoint, body, { timestamp: signedAt - 60 }),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(await bed.published()).toHaveLength(1);
    expect(await bed.stored()).toEqual({ events: 1, reads: 0, outbox: 1 });
    expect(await duplicates()).toBe(2);
  });

  it('tells apart events that differ in name, user or time', async () => {
    await bed.integration(endpoint.zoomCredentialId, 'active');
    const eventTs = 1_764_300_000_000;

    for (const body of [
      userEvent('user.deactivated', endpoint.accountId, ADA, { eventTs }),
      userEvent('user.deleted', endpoint.accountId, ADA, { eventTs }),
      userEvent('user.deactivated', endpoint.accountId, { ...ADA, id: 'active-2' }, { eventTs }),
      userEvent('user.deactivated', endpoint.accountId, ADA, { eventTs: eventTs + 1 }),
    ]) {
      expect((await bed.deliver(endpoint, body)).status).toBe(200);
    }

    expect(await bed.published()).toHaveLength(4);
  });

  it('publishes an invited (pending) user at once, known by e-mail only, and dedupes its events by e-mail', async () => {
    const integrationId = await bed.integration(endpoint.zoomCredentialId, 'active');
    const invited = { email: 'new.hire@example.com', first_name: 'New', last_name: 'Hire', display_name: 'New Hire', type: 1 };
    const body = userEvent('user.created', endpoint.accountId, invited, { creationType: 'create', eventTs: 1_764_300_000_000 });

    expect((await bed.deliver(endpoint, body)).status).toBe(200);
    expect((await bed.deliver(endpoint, body)).status).toBe(200);

    expect(await bed.published()).toEqual([
      expect.objectContaining({
        integrationId,
        observedAt: new Date(1_764_300_000_000).toISOString(),
        payload: expect.objectContaining({ event: 'user.created', user: invited, complete: false }),
      }),
    ]);
    expect(bed.zoom.userReads).toEqual([]);
    expect(await bed.query('SELECT user_key FROM webhook_events')).toEqual([{ user_key: 'new.hire@example.com' }]);
  });

  it('acknowledges a delivery for another Zoom account but publishes nothing and counts it', async () => {
    await bed.integration(endpoint.zoomCredentialId, 'active');
    const mismatches = await bed.counting('zoom_webhook_deliveries_total', { outcome: 'ignored', reason: 'account_mismatch' });

    const response = await bed.deliver(endpoint, userEvent('user.deleted', 'someone-elses-account', ADA));

    expect(response.status).toBe(200);
    expect(await bed.stored()).toEqual({ events: 0, reads: 0, outbox: 0 });
    expect(await mismatches()).toBe(1);
  });

  it.each(['user.presence_status_updated', 'user.signed_in', 'user.settings_updated', 'group.created'])(
    'acknowledges %s and ignores it, counted',
    async (event) => {
      await bed.integration(endpoint.zoomCredentialId, 'active');
      const ignored = await bed.counting('zoom_webhook_deliveries_total', { outcome: 'ignored', reason: 'unhandled_event' });
      const body = { event, event_ts: Date.now(), payload: { account_id: endpoint.accountId, object: { id: ADA.id } } };

      expect((await bed.deliver(endpoint, body)).status).toBe(200);

      expect(await bed.stored()).toEqual({ events: 0, reads: 0, outbox: 0 });
      expect(await ignored()).toBe(1);
    },
  );

  it('takes an event in when no integration uses the credential, and has nobody to tell', async () => {
    expect((await bed.deliver(endpoint, userEvent('user.deleted', endpoint.accountId, ADA))).status).toBe(200);
    expect((await bed.deliver(endpoint, userEvent('user.activated', endpoint.accountId, ADA))).status).toBe(200);

    expect(await bed.stored()).toEqual({ events: 2, reads: 0, outbox: 0 });
  });

  it('forgets events once they are too old to be delivered again', async () => {
    await bed.deliver(endpoint, userEvent('user.deleted', endpoint.accountId, ADA));
    await bed.deliver(endpoint, userEvent('user.deleted', endpoint.accountId, { ...ADA, id: 'active-2' }));
    await bed.query(`UPDATE webhook_events SET received_at = now() - interval '73 hours' WHERE user_key = 'active-1'`);

    expect(await bed.service(WebhookEventRetention).purge()).toBe(1);

    expect(await bed.query('SELECT user_key FROM webhook_events')).toEqual([{ user_key: 'active-2' }]);
  });

  it('looks a Zoom credential up afresh at the next delivery once credentials.changed says it changed', async () => {
    const changed = (kind: 'zoom' | 'oomnitza', credentialId: string) =>
      bed.service(CredentialChangesController).onCredentialsChanged({
        envelope: { type: CredentialsChanged.type, payload: { credentialId, kind, change: 'updated' } },
      } as ConsumedMessage<CredentialsChangedValue> & { envelope: MessageEnvelope<CredentialsChangedValue> });

    await changed('zoom', endpoint.zoomCredentialId);
    await changed('oomnitza', 'oomnitza-credential');

    expect(bed.credentials.forgotten).toEqual([endpoint.zoomCredentialId]);
  });
});
