import {
  LocalStack,
  oomnitzaPeople,
  request,
  RunView,
  runSync,
  sampleOf,
  startLocalStack,
  subscribeLocalStack,
  waitForPerson,
  ZoomSandboxAccount,
  zoomSandboxAdmin,
  ZoomWebhookSubscription,
} from '@zoom-oomnitza-sync/local-platform';
import { waitFor } from '@zoom-oomnitza-sync/testing';
import { ChangeResult } from '@zoom-oomnitza-sync/zoom-sandbox';

describe('the reconcile heals a webhook Zoom dropped', () => {
  let stack: LocalStack;
  let subscription: ZoomWebhookSubscription & { zoom: ZoomSandboxAccount };

  beforeAll(async () => {
    stack = await startLocalStack({ users: 40, plan: 'business', serviceSettings: { ZOOM_RECONCILE_CONFIRM_SECONDS: '1' } });
    const first = await runSync(stack.scheduler, stack.setup.schedulerKey, stack.setup.integrationId);
    expect(first).toMatchObject({ status: 'completed', failed: 0 });
    subscription = await subscribeLocalStack(stack);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const zoomAdmin = (method: string, path: string, body?: unknown) => zoomSandboxAdmin<ChangeResult>(subscription.zoom, method, path, body);
  const scheduler = (path: string, method = 'GET') =>
    request<RunView[]>(`${stack.scheduler.baseUrl}/integrations/${stack.setup.integrationId}${path}`, {
      method,
      key: stack.setup.schedulerKey,
    });

  it('a user created while Zoom dropped the webhook reaches Oomnitza through a full sync the reconcile starts', async () => {
    await zoomAdmin('POST', '/sandbox/faults', { kind: 'drop-webhooks', count: 1 });
    await zoomAdmin('POST', '/sandbox/users', {
      email: 'dropped.webhook@example.com',
      first_name: 'Dee',
      last_name: 'Dropped',
      action: 'custCreate',
    });
    // Once a later change is in Oomnitza, the dropped one would be too had it been delivered.
    const later = stack.zoom.population.users('active')[5];
    await zoomAdmin('POST', `/sandbox/users/${later.id}/deactivate`);
    await waitForPerson(stack.oomnitza, later.email, (person) => person[stack.setup.fieldTargets.status] === 'inactive');
    expect((await oomnitzaPeople(stack.oomnitza)).has('dropped.webhook@example.com')).toBe(false);

    expect((await scheduler('/reconcile', 'POST')).status).toBe(202);

    const person = await waitForPerson(stack.oomnitza, 'dropped.webhook@example.com', () => true, { description: 'to be created' });
    expect(person).toMatchObject({ first_name: 'Dee', last_name: 'Dropped' });
    const reconcileRun = await waitFor(
      async () => (await scheduler('/runs')).body.find((run) => run.trigger === 'reconcile' && run.status === 'completed'),
      { description: 'a completed run started by the reconcile' },
    );
    expect(reconcileRun).toMatchObject({ failed: 0, created: 1 });
  });

  it('finds nothing to heal when every webhook arrived', async () => {
    const runsBefore = (await scheduler('/runs')).body.length;
    const user = stack.zoom.population.users('active')[6];
    await zoomAdmin('POST', `/sandbox/users/${user.id}/deactivate`);
    await waitForPerson(stack.oomnitza, user.email, (person) => person[stack.setup.fieldTargets.status] === 'inactive');

    expect((await scheduler('/reconcile', 'POST')).status).toBe(202);

    const inStep = async () => {
      const metrics = await request<string>(`${stack.services.get('zoom-fetcher')?.baseUrl}/metrics`, { key: stack.deployment.adminKey });
      return sampleOf(metrics.body, 'zoom_reconcile_checks_total', { outcome: 'in_step' });
    };
    await waitFor(async () => (await inStep()) > 0, { description: 'a reconcile that found Zoom in step' });
    expect((await scheduler('/runs')).body).toHaveLength(runsBefore);
  });
});
