import { LocalStack, request, RunView, runSync, ServiceProcess, startLocalStack } from '@zoom-oomnitza-sync/local-platform';
import { SmtpSandboxProcess, startSmtpSandboxProcess } from '@zoom-oomnitza-sync/smtp-sandbox';
import { waitFor } from '@zoom-oomnitza-sync/testing';

interface Notification {
  kind: string;
  runId: string | null;
}

describe('a Zoom credential broken mid-schedule, then fixed: the contacts hear it once, and hear it recovered', () => {
  let smtp: SmtpSandboxProcess;
  let stack: LocalStack;
  let notifier: ServiceProcess;
  let notifierKey: string;

  beforeAll(async () => {
    smtp = await startSmtpSandboxProcess();
    stack = await startLocalStack({
      users: 20,
      plan: 'business',
      serviceSettings: {
        SMTP_URL: smtp.smtpUrl,
        NOTIFY_RETRY_BASE_MS: '200',
        SCHEDULE_FIRING_ENABLED: 'true',
        SCHEDULE_MIN_INTERVAL_SECONDS: '1',
        SCHEDULE_POLL_MS: '200',
      },
    });
    notifier = stack.services.get('notifier')!;
    notifierKey = await stack.deployment.issueApiKey(stack.setup.tenantId, ['contacts:write', 'notifications:read'], [notifier]);
    const contact = await request(`${notifier.baseUrl}/integrations/${stack.setup.integrationId}/contacts`, {
      method: 'POST',
      key: notifierKey,
      body: { name: 'Ops', email: 'ops@local.test' },
    });
    expect(contact.status).toBe(201);
    expect(await runSync(stack.scheduler, stack.setup.schedulerKey, stack.setup.integrationId)).toMatchObject({ status: 'completed' });
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp?.stop();
  });

  const integration = (body: Record<string, unknown>, path = '') =>
    request(`${stack.scheduler.baseUrl}/integrations/${stack.setup.integrationId}${path}`, {
      method: path ? 'POST' : 'PATCH',
      key: stack.setup.schedulerKey,
      body,
    });
  const scheduledRuns = async () =>
    (
      await request<RunView[]>(`${stack.scheduler.baseUrl}/integrations/${stack.setup.integrationId}/runs?limit=100`, {
        key: stack.setup.schedulerKey,
      })
    ).body.filter((run) => run.trigger === 'schedule');
  const zoomSecret = (clientSecret: string) =>
    request(`${stack.services.get('credentials')!.baseUrl}/zoom-credentials/${stack.setup.zoomCredentialId}`, {
      method: 'PATCH',
      key: stack.setup.credentialsKey,
      body: { clientSecret },
    });
  const notifications = async () =>
    (await request<{ items: Notification[] }>(`${notifier.baseUrl}/notifications?limit=100`, { key: notifierKey })).body.items;

  it('fails the scheduled run on the refused credential, emails the contact once and posts the notification; fixing it raises recovered', async () => {
    const [app] = stack.zoom.accounts[0].apps;
    expect((await zoomSecret('not-the-secret')).status).toBe(200);
    expect((await integration({ schedule: { kind: 'cron', expression: '*/2 * * * * *' } })).status).toBe(200);

    await waitFor(async () => (await scheduledRuns()).some((run) => run.status === 'failed'), {
      timeoutMs: 60_000,
      description: 'a scheduled run to fail',
    });
    expect((await integration({}, '/pause')).status).toBe(200);
    const failedRuns = await waitFor(
      async () => {
        const runs = await scheduledRuns();
        return runs.every((run) => run.status === 'failed') ? runs : undefined;
      },
      { description: 'every scheduled run to have ended' },
    );
    const [failure] = failedRuns;
    expect(failure.failureReason).toContain(stack.setup.zoomCredentialId);

    await waitFor(async () => (await notifications()).filter((item) => item.kind === 'credential_invalid').length === failedRuns.length, {
      description: 'one in-app notification per failed run',
    });
    await waitFor(async () => (await smtp.messages()).length >= 1, { description: 'the email' });
    const [email] = await smtp.messages();
    expect(email.envelopeTo).toEqual(['ops@local.test']);
    expect(email.subject).toBe('[Zoom sync] Zoom sync run failed: a credential was refused');
    expect(email.text).toContain(stack.setup.zoomCredentialId);

    expect((await zoomSecret(app.clientSecret)).status).toBe(200);
    expect((await integration({}, '/resume')).status).toBe(200);
    await waitFor(async () => (await scheduledRuns()).some((run) => run.status === 'completed'), {
      timeoutMs: 60_000,
      description: 'a scheduled run to complete',
    });
    await integration({}, '/pause');

    await waitFor(async () => (await smtp.messages()).length === 2, { description: 'the recovered email' });
    const messages = await smtp.messages();
    expect(messages[1].subject).toMatch(/is syncing again/);
    expect(messages[1].text).toContain(failure.failureReason);
    // Every later failure of the same kind within the hour was held back, not emailed.
    expect(messages.filter((message) => message.subject.includes('credential was refused'))).toHaveLength(1);
    expect((await notifications()).filter((item) => item.kind === 'recovered')).toHaveLength(1);
  });
});
