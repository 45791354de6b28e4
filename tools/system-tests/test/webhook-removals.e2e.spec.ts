import { IntegrationAlert, IntegrationAlertValue, MessageEnvelope } from '@zoom-oomnitza-sync/contracts';
import {
  LocalStack,
  oomnitzaPeople,
  request,
  runSync,
  startLocalStack,
  subscribeLocalStack,
  ZoomSandboxAccount,
  zoomSandboxAdmin,
} from '@zoom-oomnitza-sync/local-platform';
import { readTopic, waitFor } from '@zoom-oomnitza-sync/testing';
import { ZoomUser } from '@zoom-oomnitza-sync/zoom-sandbox';

/** Few enough that the breaker's default minimum (20) is its threshold: 10 % of them is less. */
const USERS = 150;
/** The default threshold for that many synced users: max(⌊synced × 10 / 100⌋, 20). */
const THRESHOLD = 20;
/** 20 % of the users, more than the threshold. */
const DELETED = USERS / 5;

describe('users deleted in Zoom, arriving as webhooks, past the mass-removal circuit breaker', () => {
  let stack: LocalStack;
  let zoom: ZoomSandboxAccount;

  beforeAll(async () => {
    stack = await startLocalStack({ users: USERS, plan: 'business' });
    expect(await runSync(stack.scheduler, stack.setup.schedulerKey, stack.setup.integrationId)).toMatchObject({
      status: 'completed',
      failed: 0,
    });
    ({ zoom } = await subscribeLocalStack(stack));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Zoom Status of every person in Oomnitza, by email in lower case. */
  const zoomStatuses = async () =>
    new Map([...(await oomnitzaPeople(stack.oomnitza))].map(([email, person]) => [email, person[stack.setup.fieldTargets.status]]));

  /** Active users (never the owner, the first) the full sync wrote to Oomnitza as active. */
  function syncedActiveUsers(statuses: Map<string, unknown>, count: number): Readonly<ZoomUser>[] {
    const owner = stack.zoom.population.users()[0];
    const users = stack.zoom.population
      .users('active')
      .filter((user) => user.id !== owner.id && statuses.get(user.email.toLowerCase()) === 'active')
      .slice(0, count);
    if (users.length < count) {
      throw new Error(`only ${users.length} synced active users in the Zoom sandbox, ${count} needed`);
    }
    return users;
  }

  it('marks the deletions up to the threshold, holds the rest with a removals_held alert, and marks them once approved', async () => {
    const routes = `${stack.scheduler.baseUrl}/integrations/${stack.setup.integrationId}/held-removals`;
    const before = await zoomStatuses();
    expect(before.size).toBeLessThanOrEqual(USERS);
    const users = syncedActiveUsers(before, DELETED);
    const gone = users.map((user) => user.email.toLowerCase());
    const deletedOf = (statuses: Map<string, unknown>) => gone.filter((email) => statuses.get(email) === 'deleted');

    for (const user of users) {
      await zoomSandboxAdmin(zoom, 'DELETE', `/sandbox/users/${user.id}`);
    }

    // The first THRESHOLD removals of the hour are written; the one past it opens the hold, which every later one joins.
    const held = await waitFor(
      async () => {
        const answer = await request<Record<string, unknown>>(routes, { key: stack.setup.schedulerKey });
        return answer.body.held === true && answer.body.count === DELETED - THRESHOLD && answer;
      },
      { timeoutMs: 30_000, description: `${DELETED - THRESHOLD} removals held` },
    );
    await waitFor(async () => deletedOf(await zoomStatuses()).length === THRESHOLD, {
      timeoutMs: 30_000,
      description: `${THRESHOLD} removals written to Oomnitza`,
    });
    await waitFor(
      async () =>
        (
          await stack.deployment.query('oomnitza-writer', 'SELECT 1 FROM pending_records WHERE integration_id = $1 AND hold_id IS NULL', [
            stack.setup.integrationId,
          ])
        ).length === 0,
      { description: "the writer's pending records outside the hold to be written" },
    );

    const beforeApproval = await zoomStatuses();
    const written = deletedOf(beforeApproval);
    const waiting = gone.filter((email) => !written.includes(email));
    expect(written).toHaveLength(THRESHOLD);
    expect(waiting.map((email) => beforeApproval.get(email))).toEqual(waiting.map(() => 'active'));
    expect(beforeApproval).toEqual(new Map([...before, ...written.map((email) => [email, 'deleted'] as const)]));
    expect(held.body).toMatchObject({ held: true, source: 'webhooks', count: waiting.length, threshold: THRESHOLD });
    // Synced users are those not marked removed: the hour's earlier removals may already be written when the hold opens.
    expect(held.body.syncedUsers).toBeGreaterThanOrEqual(before.size - THRESHOLD);
    expect(held.body.syncedUsers).toBeLessThanOrEqual(before.size);
    // Ten examples at most: here, every one held.
    const examples = held.body.examples as { syncKey: string; removal: string }[];
    expect(examples.map((example) => example.syncKey.toLowerCase()).sort()).toEqual([...waiting].sort());
    expect(examples.map((example) => example.removal)).toEqual(waiting.map(() => 'deleted'));

    const alerts = await readTopic(stack.deployment.topics.name(IntegrationAlert.topic), {
      until: (messages) =>
        messages.some(
          (message) =>
            message.key === stack.setup.integrationId &&
            message.json<MessageEnvelope<IntegrationAlertValue>>().payload.kind === 'removals_held',
        ),
      timeoutMs: 30_000,
    });
    const [alert, ...more] = alerts
      .map((message) => message.json<MessageEnvelope<IntegrationAlertValue>>())
      .filter((envelope) => envelope.integrationId === stack.setup.integrationId);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ tenantId: stack.setup.tenantId, payload: { kind: 'removals_held', severity: 'warning' } });
    expect(alert.runId).toBeUndefined();
    // The removals within the threshold went to Oomnitza: the alert must not say none was marked.
    expect(alert.payload.detail).toContain(`Removal webhooks within one hour went over what this integration allows (${THRESHOLD} of `);
    expect(alert.payload.detail).toContain('the ones past it are held and not marked');
    expect(alert.payload.detail).not.toContain('none of them was marked');
    expect(alert.payload.detail).toContain(`POST /integrations/${stack.setup.integrationId}/held-removals/approve`);

    expect(await request(`${routes}/approve`, { method: 'POST', key: stack.setup.schedulerKey })).toMatchObject({
      status: 202,
      body: { holdId: held.body.holdId, decision: 'approve', count: waiting.length },
    });

    await waitFor(async () => deletedOf(await zoomStatuses()).length === DELETED, {
      timeoutMs: 30_000,
      description: 'the approved removals in Oomnitza',
    });
    expect(await zoomStatuses()).toEqual(new Map([...before, ...gone.map((email) => [email, 'deleted'] as const)]));
    expect(await request(routes, { key: stack.setup.schedulerKey })).toMatchObject({ status: 200, body: { held: false, count: 0 } });
  });
});
