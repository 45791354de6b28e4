import { randomUUID } from 'node:crypto';
import { SyncRunRequested, ZoomUsersPage } from './index';
import { InvalidMessageError, parseMessage } from './validate-message';

function envelope(overrides: Record<string, unknown> = {}) {
  const runId = randomUUID();
  return {
    messageId: randomUUID(),
    type: 'sync.run.requested',
    version: 1,
    tenantId: 'tenant-a',
    integrationId: 'integration-1',
    runId,
    occurredAt: '2026-11-27T10:00:00.000Z',
    observedAt: '2026-11-27T10:00:00.000Z',
    payload: {
      runId,
      trigger: 'manual',
      runStartedAt: '2026-11-27T10:00:00.000Z',
      zoomCredentialId: 'zoom-1',
      userStatuses: ['active', 'inactive', 'pending'],
    },
    ...overrides,
  };
}

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidMessageError);
  return (error as InvalidMessageError).problems;
}

describe('parseMessage', () => {
  it('returns a typed envelope whose payload is an instance of the DTO', async () => {
    const parsed = await parseMessage(SyncRunRequested, envelope());
    expect(parsed.payload).toBeInstanceOf(SyncRunRequested.value);
    expect(parsed.payload.userStatuses).toEqual(['active', 'inactive', 'pending']);
  });

  it('names every envelope and payload problem at once', async () => {
    const problems = await problemsOf(
      parseMessage(
        SyncRunRequested,
        envelope({ messageId: 'nope', occurredAt: 'yesterday', payload: { runId: 'x', trigger: 'cron', userStatuses: [] } }),
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^messageId:/),
        expect.stringMatching(/^occurredAt:/),
        expect.stringMatching(/^payload\.runId:/),
        expect.stringMatching(/^payload\.trigger:/),
        expect.stringMatching(/^payload\.zoomCredentialId:/),
        expect.stringMatching(/^payload\.userStatuses:/),
      ]),
    );
  });

  it('refuses a message of another type or version', async () => {
    const problems = await problemsOf(parseMessage(SyncRunRequested, envelope({ type: 'zoom.users.page', version: 2 })));
    expect(problems).toEqual(
      expect.arrayContaining(['type: expected sync.run.requested, got zoom.users.page', 'version: expected 1, got 2']),
    );
  });

  it('refuses values that are not JSON objects', async () => {
    expect(await problemsOf(parseMessage(SyncRunRequested, [1, 2]))).toEqual(['message is not a JSON object']);
    expect(await problemsOf(parseMessage(SyncRunRequested, null))).toEqual(['message is not a JSON object']);
  });

  it('validates nested Zoom users: a user needs an id or an email, custom attribute values may be numbers', async () => {
    const runId = randomUUID();
    const page = envelope({
      type: 'zoom.users.page',
      payload: {
        runId,
        runStartedAt: '2026-11-27T10:00:00.000Z',
        userStatus: 'pending',
        pageNumber: 1,
        isLastPage: true,
        users: [
          { email: 'pending@example.com', status: 'pending' },
          { id: 'z1', email: 'a@example.com', custom_attributes: [{ key: 'k', name: 'Cost', value: 12 }] },
          { first_name: 'Nobody' },
        ],
      },
    });
    const problems = await problemsOf(parseMessage(ZoomUsersPage, page));
    expect(problems).toEqual([
      'payload.users.2.id: a Zoom user needs an id or an email',
      'payload.users.2.email: a Zoom user needs an id or an email',
    ]);
  });
});
