import { ZoomUserChangedValue } from '@zoom-oomnitza-sync/contracts';
import { CredentialsUnavailableError } from '@zoom-oomnitza-sync/credentials-client';
import { testDatabaseUrl, waitFor } from '@zoom-oomnitza-sync/testing';
import { Client } from 'pg';
import { userReadsChannelOf } from '../src/user-reads/user-read-queue';
import { UserReader } from '../src/user-reads/user-reader';
import { nextUtcMidnight, zoomAnswers } from './support/fake-zoom-users';
import { MAX_ATTEMPTS, TestEndpoint, WebhookTestBed } from './support/webhook-test-bed';
import { userEvent, userUpdated } from './support/zoom-events';

const USER_ID = 'active-1';
const T0 = 1_764_300_000_000;

describe('user reads: one read of the whole user per burst of events, then published complete', () => {
  let bed: WebhookTestBed;
  let endpoint: TestEndpoint;
  let integrations: string[];

  beforeAll(async () => {
    bed = await WebhookTestBed.start('user_reads');
  });

  beforeEach(async () => {
    await bed.clear();
    ({ endpoint, integrations } = await bed.credentialInUse());
  });

  afterAll(() => bed?.close());

  const deliver = async (body: object) => expect((await bed.deliver(endpoint, body)).status).toBe(200);
  const payloads = async (): Promise<ZoomUserChangedValue[]> => (await bed.published()).map((message) => message.payload);
  /** The read waiting out its backoff is due now. */
  const makeDue = () => bed.query(`UPDATE user_reads SET locked_until = now() - interval '1 second'`);
  const zoomUser = () => bed.zoom.users.find((user) => user.id === USER_ID);

  it('answers user.updated at once, then reads the user once and publishes the whole user to each active integration', async () => {
    bed.zoom.change(USER_ID, { dept: 'Research' });
    await deliver(userUpdated(endpoint.accountId, USER_ID, { dept: 'Research' }, { dept: 'Sales' }, T0));
    expect(await bed.published()).toEqual([]);
    expect(await bed.stored()).toMatchObject({ events: 1, reads: 1 });
    const made = await bed.counting('zoom_user_reads_total', { outcome: 'made' });
    const before = Date.now();

    expect(await bed.readNext()).toBe(true);

    const after = Date.now();
    expect(bed.zoom.userReads).toEqual([{ accessToken: 'token-1', userId: USER_ID }]);
    // The token is asked for as the tenant whose webhook endpoint received the event.
    const asked = bed.credentials.asked.filter((credential) => credential.credentialId === endpoint.zoomCredentialId);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((credential) => credential.tenantId === endpoint.tenantId)).toBe(true);
    const published = await bed.published();
    expect(published.map((message) => message.integrationId).sort()).toEqual([...integrations].sort());
    for (const message of published) {
      expect(message.payload).toEqual({
        event: 'user.updated',
        eventTs: T0,
        user: zoomUser(),
        complete: true,
        previous: { id: USER_ID, dept: 'Sales' },
        zoomAccountId: endpoint.accountId,
      });
      expect(Date.parse(message.observedAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(message.observedAt)).toBeLessThanOrEqual(after);
    }
    expect(await bed.stored()).toMatchObject({ reads: 0 });
    expect(await made()).toBe(1);
    expect(await bed.readNext()).toBe(false);
  });

  it.each([
    ['user.created', { creationType: 'autoCreate' }],
    ['user.activated', {}],
    ['user.invitation_accepted', {}],
  ] as const)('reads the user after %s', async (event, options) => {
    await deliver(userEvent(event, endpoint.accountId, { id: USER_ID, email: 'active-1@example.com', type: 1 }, options));

    await bed.readNext();

    expect(bed.zoom.userReads).toHaveLength(1);
    expect((await payloads()).map((payload) => [payload.event, payload.complete, payload.user])).toEqual([
      [event, true, zoomUser()],
      [event, true, zoomUser()],
    ]);
  });

  it('wakes the read loops (NOTIFY on their channel) once the webhook that queued a read has been stored', async () => {
    const listener = new Client({ connectionString: testDatabaseUrl() });
    const notifications: string[] = [];
    listener.on('notification', (notification) => notifications.push(notification.channel));
    await listener.connect();
    try {
      await listener.query(`LISTEN "${userReadsChannelOf(bed.schemaName)}"`);

      await deliver(userUpdated(endpoint.accountId, USER_ID, { dept: 'Research' }, { dept: 'Sales' }, T0));

      await waitFor(() => notifications.length > 0, { description: 'a notification on the user reads channel' });
      expect(notifications[0]).toBe(userReadsChannelOf(bed.schemaName));
    } finally {
      await listener.end();
    }
  });

  it('tells the read loop whether another read waits after the one it took, so it wakes another worker only then', async () => {
    await deliver(userUpdated(endpoint.accountId, USER_ID, { dept: 'Research' }, { dept: 'Sales' }, T0));
    await deliver(userUpdated(endpoint.accountId, 'active-2', { dept: 'Research' }, { dept: 'Sales' }, T0));
    const reader = bed.service(UserReader);

    expect(await reader.readNext()).toEqual({ worked: true, moreWaiting: true });
    expect(await reader.readNext()).toEqual({ worked: true, moreWaiting: false });
    expect(await reader.readNext()).toEqual({ worked: false });
  });

  it('coalesces a burst of events for one user, arriving out of order, into one read named after the newest', async () => {
    const coalesced = await bed.counting('zoom_user_reads_total', { outcome: 'coalesced' });
    // Updates of a user whose e-mail the fetcher never saw: each needs the read.
    await deliver(userUpdated(endpoint.accountId, USER_ID, { dept: 'Research' }, { dept: 'Sales' }, T0 + 10));
    await deliver(userUpdated(endpoint.accountId, USER_ID, { first_name: 'Ada L.' }, { first_name: 'Ada' }, T0 + 30));
    await deliver(
      userUpdated(endpoint.accountId, USER_ID, { dept: 'Sales', first_name: 'Ada' }, { dept: 'Marketing', first_name: 'A.' }, T0),
    );
    await deliver(userUpdated(endpoint.accountId, USER_ID, { job_title: 'Engineer' }, { job_title: 'Intern' }, T0 + 20));
    expect(await bed.query('SELECT state, events FROM user_reads')).toEqual([{ state: 'pending', events: 4 }]);

    expect(await bed.readNext()).toBe(true);
    expect(await bed.readNext()).toBe(false);

    expect(bed.zoom.userReads).toHaveLength(1);
    const published = await payloads();
    expect(published).toHaveLength(2);
    expect(published[0]).toMatchObject({
      event: 'user.updated',
      eventTs: T0 + 30,
      complete: true,
      // The values before the burst: the oldest event's old values win.
      previous: { id: USER_ID, dept: 'Marketing', first_name: 'A.', job_title: 'Intern' },
    });
    expect(await coalesced()).toBe(3);
  });

  it('starts another read for an event that arrives while the user is being read: the first read may predate it', async () => {
    bed.zoom.onUserRead = async (_request, requestNumber) => {
      if (requestNumber === 1) {
        bed.zoom.change(USER_ID, { dept: 'Legal' });
        await deliver(userUpdated(endpoint.accountId, USER_ID, { dept: 'Legal' }, { dept: 'Research' }, T0 + 1));
      }
    };
    await deliver(userUpdated(endpoint.accountId, USER_ID, { dept: 'Research' }, { dept: 'Sales' }, T0));

    await bed.readNext();
    expect(await bed.query('SELECT state, event_ts FROM user_reads')).toEqual([{ state: 'pending', event_ts: String(T0 + 1) }]);
    await bed.readNext();

    expect(bed.zoom.userReads).toHaveLength(2);
    expect((await payloads()).map((payload) => [payload.eventTs, payload.user.dept])).toEqual([
      [T0, 'Legal'],
      [T0, 'Legal'],
      [T0 + 1, 'Legal'],
      [T0 + 1, 'Legal'],
    ]);
  });

  it('publishes nothing when Zoom no longer has the user (404, code 1001): its delete event tells', async () => {
    const notFound = await bed.counting('zoom_user_reads_total', { outcome: 'not_found' });
    await deliver(userUpdated(endpoint.accountId, 'gone-user', { dept: 'Research' }, { dept: 'Sales' }));

    expect(await bed.readNext()).toBe(true);

    expect(bed.zoom.userReads).toEqual([{ accessToken: 'token-1', userId: 'gone-user' }]);
    expect(await bed.published()).toEqual([]);
    expect(await bed.stored()).toMatchObject({ reads: 0 });
    expect(await notFound()).toBe(1);
  });

  it('replaces an access token Zoom refuses (124) once, and reads again with the new one', async () => {
    bed.zoom.answerUserRead(1, zoomAnswers.invalidAccessToken());
    await deliver(userUpdated(endpoint.accountId, USER_ID, { dept: 'Research' }, { dept: 'Sales' }));

    await bed.readNext();

    expect(bed.credentials.renewals).toEqual([{ credentialId: endpoint.zoomCredentialId, refusedAccessToken: 'token-1' }]);
    expect(bed.zoom.userReads.map((read) => read.accessToken)).toEqual(['token-1', 'token-2']);
    expect((await payloads()).map((payload) => payload.complete)).toEqual([true, true]);
  });

  it('retries a read Zoom failed (5xx, rate limit) as Zoom asks, not before, and publishes the user when Zoom answers', async () => {
    bed.zoom.answerUserRead(1, zoomAnswers.serverError(503)).answerUserRead(2, zoomAnswers.perSecondLimit('60'));
    const retried = await bed.counting('zoom_user_reads_total', { outcome: 'retried' });
    await deliver(userUpdated(endpoint.accountId, USER_ID, { dept: 'Research' }, { dept: 'Sales' }));

    await bed.readNext();
    await makeDue();
    await bed.readNext();

    // Retry-After: 60 holds the read back for a minute.
    expect(await bed.readNext()).toBe(false);
    const [waiting] = await bed.query<{ attempts: number; due_in_seconds: number }>(
      `SELECT attempts, extract(epoch FROM locked_until - now())::float8 AS due_in_seconds FROM user_reads`,
    );
    expect(waiting.attempts).toBe(2);
    expect(waiting.due_in_seconds).toBeGreaterThan(30);
    expect(await bed.published()).toEqual([]);

    await makeDue();
    expect(await bed.readNext()).toBe(true);

    expect(bed.zoom.userReads).toHaveLength(3);
    expect((await payloads()).map((payload) => payload.complete)).toEqual([true, true]);
    expect(await retried()).toBe(2);
  });

  it('gives up after ZOOM_MAX_ATTEMPTS failures and publishes what the webhooks carried, observed at the event time', async () => {
    bed.credentials.refusal = new CredentialsUnavailableError('the credentials service did not answer');
    const gaveUp = await bed.counting('zoom_user_reads_total', { outcome: 'gave_up' });
    await deliver(
      userUpdated(endpoint.accountId, USER_ID, { dept: 'Research', host_key: '123456' }, { dept: 'Sales', host_key: '654321' }, T0),
    );

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect(await bed.published()).toEqual([]);
      await makeDue();
      expect(await bed.readNext()).toBe(true);
    }

    const published = await bed.published();
    expect(published.map((message) => message.observedAt)).toEqual([new Date(T0).toISOString(), new Date(T0).toISOString()]);
    expect(published[0].payload).toEqual({
      event: 'user.updated',
      eventTs: T0,
      // The host key is a meeting PIN: it never travels on Kafka.
      user: { id: USER_ID, dept: 'Research' },
      complete: false,
      previous: { id: USER_ID, dept: 'Sales' },
      zoomAccountId: endpoint.accountId,
    });
    expect(await bed.stored()).toMatchObject({ reads: 0 });
    expect(await gaveUp()).toBe(1);
  });

  it.each([
    ['Zoom refuses the app the scope', () => bed.zoom.answerUserRead(1, zoomAnswers.missingScope())],
    [
      'Zoom refuses a freshly minted token too',
      () => bed.zoom.answerUserRead(1, zoomAnswers.invalidAccessToken()).answerUserRead(2, zoomAnswers.invalidAccessToken()),
    ],
  ])('publishes the webhook data at once when %s: no retry would help', async (_case, script) => {
    script();
    await deliver(userUpdated(endpoint.accountId, USER_ID, { dept: 'Research' }, { dept: 'Sales' }));

    await bed.readNext();

    expect((await payloads()).map((payload) => [payload.complete, payload.user])).toEqual([
      [false, { id: USER_ID, dept: 'Research' }],
      [false, { id: USER_ID, dept: 'Research' }],
    ]);
  });

  it("publishes the webhook data at once when Zoom says the day's reads are used up, and asks Zoom nothing more until the reset", async () => {
    bed.zoom.answerUserRead(1, zoomAnswers.dailyLimit(nextUtcMidnight()));
    const activated = { id: USER_ID, email: 'active-1@example.com', type: 1 };
    await deliver(userEvent('user.activated', endpoint.accountId, activated, { eventTs: T0 }));
    await bed.readNext();

    await deliver(userEvent('user.activated', endpoint.accountId, activated, { eventTs: T0 + 1_000 }));
    await bed.readNext();

    expect(bed.zoom.userReads).toHaveLength(1);
    expect((await payloads()).map((payload) => [payload.eventTs, payload.complete])).toEqual([
      [T0, false],
      [T0, false],
      [T0 + 1_000, false],
      [T0 + 1_000, false],
    ]);
  });

  it('publishes a read once even when another replica took it over after its lease ran out', async () => {
    bed.zoom.onUserRead = async (_request, requestNumber) => {
      if (requestNumber === 1) {
        // This replica stalls past its lease; another one claims the read and finishes it first.
        await bed.query(`UPDATE user_reads SET locked_until = now() - interval '1 second'`);
        expect(await bed.readNext()).toBe(true);
      }
    };
    await deliver(userUpdated(endpoint.accountId, USER_ID, { dept: 'Research' }, { dept: 'Sales' }));

    await bed.readNext();

    expect(bed.zoom.userReads).toHaveLength(2);
    expect(await bed.published()).toHaveLength(2);
    expect(await bed.stored()).toMatchObject({ reads: 0 });
  });

  it('reads nobody for an event no active integration would receive', async () => {
    const other = bed.endpoint();
    await bed.integration(other.zoomCredentialId, 'paused');

    expect((await bed.deliver(other, userUpdated(other.accountId, USER_ID, { dept: 'Research' }, { dept: 'Sales' }))).status).toBe(200);

    expect(await bed.readNext()).toBe(false);
    expect(await bed.stored()).toEqual({ events: 1, reads: 0, outbox: 0 });
  });
});
