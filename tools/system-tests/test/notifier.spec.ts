import { IntegrationAlert, IntegrationAlertValue } from '@zoom-oomnitza-sync/contracts';
import {
  announceCredentials,
  PlatformDeployment,
  request,
  sendAs,
  ServiceProcess,
  waitUntilReady,
} from '@zoom-oomnitza-sync/local-platform';
import { SmtpSandboxProcess, startSmtpSandboxProcess } from '@zoom-oomnitza-sync/smtp-sandbox';
import { waitFor } from '@zoom-oomnitza-sync/testing';
import { randomUUID } from 'node:crypto';

interface Delivery {
  id: string;
  email: string;
  kind: string;
  status: string;
  heldBack: number;
  attemptLog: { attempt: number; outcome: string; error: string | null }[];
}

describe('the notifier: alerts reach the right people, by email and in the app', () => {
  let deployment: PlatformDeployment;
  let smtp: SmtpSandboxProcess;
  let notifier: ServiceProcess;
  let key: string;
  let integrationId: string;
  const runId = randomUUID();

  beforeAll(async () => {
    deployment = await PlatformDeployment.create('notifier');
    smtp = await startSmtpSandboxProcess();
    notifier = await deployment.start('notifier', {
      SMTP_URL: smtp.smtpUrl,
      NOTIFY_FROM_ADDRESS: 'Zoom sync <alerts@acme.test>',
      NOTIFY_RETRY_BASE_MS: '200',
    });
    const scheduler = await deployment.start('scheduler');
    await Promise.all([waitUntilReady(notifier), waitUntilReady(scheduler)]);
    // The integration the alerts are about, as the scheduler announces it (the emails name it).
    const schedulerKey = await deployment.issueApiKey('acme', ['integrations:write'], [scheduler]);
    await announceCredentials(deployment, 'acme', { zoom: ['zoom-1'], oomnitza: ['oomnitza-1'] });
    const integration = await request<{ id: string }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key: schedulerKey,
      body: { name: 'Zoom users (HQ)', zoomCredentialId: 'zoom-1', oomnitzaCredentialId: 'oomnitza-1' },
    });
    integrationId = integration.body.id;
    await waitFor(async () => (await deployment.query('notifier', 'SELECT name FROM integration_names')).length === 1, {
      description: "the notifier to know the integration's name",
    });
    key = await deployment.issueApiKey(
      'acme',
      ['contacts:read', 'contacts:write', 'notifications:read', 'notifications:write'],
      [notifier],
    );
    for (const contact of [
      { name: 'Ada Lovelace', email: 'ada@acme.test' },
      { name: 'Grace Hopper', email: 'grace@acme.test', alerts: ['recovered'] },
    ]) {
      expect(
        (await request(`${notifier.baseUrl}/integrations/${integrationId}/contacts`, { method: 'POST', key, body: contact })).status,
      ).toBe(201);
    }
  });

  afterAll(async () => {
    await deployment?.destroy();
    await smtp?.stop();
  });

  const raise = (alert: Partial<IntegrationAlertValue> & Pick<IntegrationAlertValue, 'kind'>) =>
    sendAs(deployment.topics.name(IntegrationAlert.topic), IntegrationAlert, { tenantId: 'acme', integrationId, runId }, [
      { severity: 'critical', title: 'Zoom sync run failed', detail: 'Zoom refused the token: invalid_client', runId, ...alert },
    ]);
  const mailCount = (count: number) =>
    waitFor(async () => (await smtp.messages()).length === count, { timeoutMs: 30_000, description: `${count} emails` });
  const deliveries = async () => (await request<Delivery[]>(`${notifier.baseUrl}/deliveries?integrationId=${integrationId}`, { key })).body;

  it('emails a failed run to the contacts who chose it, naming the integration, the run, the reason and what to do', async () => {
    await raise({ kind: 'run_failed' });

    await mailCount(1);
    const [mail] = await smtp.messages();
    expect(mail).toMatchObject({
      envelopeTo: ['ada@acme.test'],
      from: '"Zoom sync" <alerts@acme.test>',
      subject: '[Zoom sync] Zoom sync run failed',
    });
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('Zoom refused the token: invalid_client');
      expect(body).toContain(`Zoom users (HQ) (${integrationId})`);
      expect(body).toContain(runId);
      expect(body).toContain('What to do');
    }
  });

  it('keeps an in-app notification per alert, unread until read', async () => {
    const unread = await request<{ items: { id: string; kind: string }[]; total: number; unread: number }>(
      `${notifier.baseUrl}/notifications?unread=true`,
      { key },
    );
    expect(unread.body).toMatchObject({ total: 1, unread: 1, items: [{ kind: 'run_failed' }] });

    const read = await request(`${notifier.baseUrl}/notifications/${unread.body.items[0].id}/read`, { method: 'POST', key });
    expect(read.status).toBe(200);
    expect((await request(`${notifier.baseUrl}/notifications/unread-count`, { key })).body).toEqual({ unread: 0 });
    const otherTenant = await deployment.issueApiKey('globex', ['notifications:read'], [notifier]);
    expect((await request(`${notifier.baseUrl}/notifications`, { key: otherTenant })).body).toMatchObject({ total: 0, items: [] });
  });

  it('holds back repeats of an alert within the hour, always sends recovered, and counts the repeats in the next email', async () => {
    await raise({ kind: 'run_failed' });
    await raise({ kind: 'run_failed' });
    await raise({ kind: 'recovered', severity: 'info', title: 'Zoom users is syncing again', detail: 'Run completed.' });

    await mailCount(3);
    const recovered = (await smtp.messages()).slice(1);
    expect(recovered.map((mail) => mail.envelopeTo[0]).sort()).toEqual(['ada@acme.test', 'grace@acme.test']);
    expect(recovered.every((mail) => mail.subject === '[Zoom sync] Zoom users is syncing again')).toBe(true);
    const failures = (await deliveries()).filter((delivery) => delivery.kind === 'run_failed');
    expect(failures.map((delivery) => delivery.status)).toEqual(['suppressed', 'suppressed', 'sent']);

    // An hour later, the next failure goes out and says how many were held back.
    await deployment.query('notifier', `UPDATE deliveries SET created_at = created_at - interval '2 hours' WHERE kind = 'run_failed'`);
    await raise({ kind: 'run_failed' });
    await mailCount(4);
    const next = (await smtp.messages())[3];
    expect(next.envelopeTo).toEqual(['ada@acme.test']);
    expect(next.text).toContain('2 more alerts like this one came since the last email and were held back.');
  });

  it('retries an email the SMTP server refuses, and shows each attempt', async () => {
    await smtp.rejectNext(1);

    await raise({ kind: 'run_overdue', severity: 'warning', title: 'Zoom sync run has not completed within 24 hours' });

    await mailCount(5);
    const [overdue] = (await deliveries()).filter((delivery) => delivery.kind === 'run_overdue');
    expect(overdue).toMatchObject({ email: 'ada@acme.test', status: 'sent' });
    expect(overdue.attemptLog.map((attempt) => attempt.outcome)).toEqual(['retry', 'sent']);
    expect(overdue.attemptLog[0].error).toContain('451');
  });

  it('manages contacts: one per address per integration, updates, deletes, and refuses bad input with problem+json', async () => {
    const url = `${notifier.baseUrl}/integrations/${integrationId}/contacts`;
    const duplicate = await request(url, { method: 'POST', key, body: { name: 'Ada again', email: 'ADA@acme.test' } });
    expect(duplicate.status).toBe(409);
    const invalid = await request<{ errors: { field: string }[] }>(url, {
      method: 'POST',
      key,
      body: { name: 'X', email: 'not-an-address', alerts: ['everything'] },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.contentType).toContain('application/problem+json');
    expect(invalid.body.errors.map((error) => error.field).sort()).toEqual(['alerts', 'email']);

    const contacts = await request<{ id: string; email: string }[]>(url, { key });
    const grace = contacts.body.find((contact) => contact.email === 'grace@acme.test')!;
    const nulls = await request<{ errors: { field: string }[] }>(`${notifier.baseUrl}/contacts/${grace.id}`, {
      method: 'PATCH',
      key,
      body: { email: null, alerts: null },
    });
    expect(nulls.status).toBe(400);
    expect([...new Set(nulls.body.errors.map((error) => error.field))].sort()).toEqual(['alerts', 'email']);
    const updated = await request(`${notifier.baseUrl}/contacts/${grace.id}`, { method: 'PATCH', key, body: { alerts: [] } });
    expect(updated).toMatchObject({ status: 200, body: { alerts: [] } });
    expect((await request(`${notifier.baseUrl}/contacts/${grace.id}`, { method: 'DELETE', key })).status).toBe(204);
    expect((await request<unknown[]>(url, { key })).body).toHaveLength(1);
  });
});
