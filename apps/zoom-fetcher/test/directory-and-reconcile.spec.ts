import { ZoomReconcileRequested, ZoomReconcileRequestedValue, ZoomUserDto } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage } from '@zoom-oomnitza-sync/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { countsOfSummary } from '../src/directory/user-counts';
import { ZoomDirectory } from '../src/directory/zoom-directory';
import { ReconcileChecker } from '../src/reconcile/reconcile-checker';
import { ReconcileRequestsController } from '../src/reconcile/reconcile-requests.controller';
import { ReconcileSchedule } from '../src/reconcile/reconcile-schedule';
import { TestEndpoint, WebhookTestBed } from './support/webhook-test-bed';
import { userEvent, userUpdated } from './support/zoom-events';

const T0 = 1_764_300_000_000;

describe('the directory of users seen, read-free updates and the reconcile', () => {
  let bed: WebhookTestBed;
  let endpoint: TestEndpoint;
  let integrations: string[];

  beforeAll(async () => {
    bed = await WebhookTestBed.start('directory_reconcile');
  });

  beforeEach(async () => {
    await bed.clear();
    ({ endpoint, integrations } = await bed.credentialInUse());
  });

  afterAll(() => bed?.close());

  const deliver = async (body: object) => expect((await bed.deliver(endpoint, body)).status).toBe(200);
  const directory = () => bed.service(ZoomDirectory);
  const transaction = <T>(work: (manager: EntityManager) => Promise<T>) => bed.service(DataSource).transaction(work);

  /** What a clean full sync leaves: every Zoom user in the directory, and the census taken from Zoom's summary. */
  async function afterFullSync(users: ZoomUserDto[] = bed.zoom.users, observedAt = new Date(T0 - 60_000)): Promise<void> {
    await transaction((manager) => directory().record(manager, endpoint.zoomCredentialId, users, observedAt));
    await directory().takeCensus(endpoint.zoomCredentialId, countsOfSummary(await bed.zoom.usersSummary()));
  }

  const makeReconcilesDue = () => bed.query(`UPDATE integrations SET next_reconcile_at = now() - interval '1 second'`);

  /** Reconciles until none is due: the outcome per active integration. */
  async function reconcileAll(): Promise<string[]> {
    const outcomes: string[] = [];
    for (let outcome = await bed.reconcileNext(); outcome; outcome = await bed.reconcileNext()) {
      outcomes.push(outcome);
    }
    return outcomes;
  }

  describe('a pending user (known by e-mail) who gets a Zoom id', () => {
    const pending = { email: 'Grace@Example.com', first_name: 'Grace', last_name: 'Hopper', type: 1 } as ZoomUserDto;
    const withId = { ...pending, id: 'grace-1', email: 'grace@example.com' };
    const keys = () =>
      bed.query(`SELECT user_key, email FROM known_users WHERE zoom_credential_id = $1 ORDER BY user_key`, [endpoint.zoomCredentialId]);

    it('learns a webhook user under the id, knowing them by the pending entry it replaces: the update needs no read', async () => {
      await transaction((manager) => directory().record(manager, endpoint.zoomCredentialId, [pending], new Date(T0)));

      await deliver(
        userEvent(
          'user.updated',
          endpoint.accountId,
          { ...withId, dept: 'Research' },
          { eventTs: T0 + 1000, oldObject: { id: 'grace-1' } },
        ),
      );

      expect(await bed.stored()).toMatchObject({ reads: 0 });
      expect((await bed.published()).map((message) => message.payload.user)).toEqual(
        integrations.map(() => expect.objectContaining({ id: 'grace-1', email: 'grace@example.com', dept: 'Research' })),
      );
      expect(await keys()).toEqual([{ user_key: 'grace-1', email: 'grace@example.com' }]);
    });

    it('keeps a pending entry newer than the observation that would replace it', async () => {
      await transaction((manager) => directory().record(manager, endpoint.zoomCredentialId, [pending], new Date(T0 + 5000)));

      await transaction((manager) => directory().record(manager, endpoint.zoomCredentialId, [withId], new Date(T0)));

      expect(await keys()).toEqual([
        { user_key: 'email:grace@example.com', email: 'Grace@Example.com' },
        { user_key: 'grace-1', email: 'grace@example.com' },
      ]);
    });

    it('learns a user never seen from their webhook, whose update then waits for a read', async () => {
      await deliver(userEvent('user.updated', endpoint.accountId, withId, { eventTs: T0, oldObject: { id: 'grace-1' } }));

      expect(await bed.stored()).toMatchObject({ reads: 1 });
      expect(await bed.published()).toEqual([]);
      expect(await keys()).toEqual([{ user_key: 'grace-1', email: 'grace@example.com' }]);
    });

    it('keeps the newer observation when an older event is taken in late, and still knows the user', async () => {
      await deliver(userEvent('user.deactivated', endpoint.accountId, withId, { eventTs: T0 + 5000 }));

      await deliver(
        userEvent(
          'user.updated',
          endpoint.accountId,
          { ...withId, email: 'old@example.com' },
          { eventTs: T0, oldObject: { id: 'grace-1' } },
        ),
      );

      expect(await bed.query(`SELECT email, status FROM known_users WHERE user_key = 'grace-1'`)).toEqual([
        { email: 'grace@example.com', status: 'inactive' },
      ]);
      expect(await bed.stored()).toMatchObject({ reads: 0 });
      expect((await bed.published()).map((message) => message.payload.event).sort()).toEqual(
        [...integrations.map(() => 'user.deactivated'), ...integrations.map(() => 'user.updated')].sort(),
      );
    });
  });

  describe('user.updated', () => {
    it('publishes an update of a user the directory knows at once, without a read, addressed by the e-mail it knows', async () => {
      await afterFullSync();

      await deliver(userUpdated(endpoint.accountId, 'active-1', { dept: 'Research' }, { dept: 'Sales' }, T0));

      expect(bed.zoom.userReads).toEqual([]);
      expect(await bed.stored()).toMatchObject({ reads: 0 });
      const published = await bed.published();
      expect(published.map((message) => message.integrationId).sort()).toEqual([...integrations].sort());
      for (const message of published) {
        expect(message.observedAt).toBe(new Date(T0).toISOString());
        expect(message.payload).toMatchObject({
          event: 'user.updated',
          complete: false,
          user: { id: 'active-1', dept: 'Research', email: 'active-1@example.com' },
          previous: { id: 'active-1', dept: 'Sales' },
        });
      }
    });

    it('addresses the next update by the new e-mail once an e-mail change is taken in', async () => {
      await afterFullSync();

      await deliver(userUpdated(endpoint.accountId, 'active-1', { email: 'ada@example.com' }, { email: 'active-1@example.com' }, T0));
      await deliver(userUpdated(endpoint.accountId, 'active-1', { dept: 'Research' }, { dept: 'Sales' }, T0 + 1));

      const users = (await bed.published()).map((message) => message.payload.user);
      expect(users.map((user) => user.email)).toEqual(['ada@example.com', 'ada@example.com', 'ada@example.com', 'ada@example.com']);
      expect(bed.zoom.userReads).toEqual([]);
    });

    it('reads a user who was removed since: the directory cannot address them', async () => {
      await afterFullSync();
      await deliver(userEvent('user.deleted', endpoint.accountId, { id: 'active-1', email: 'active-1@example.com' }, { eventTs: T0 }));

      await deliver(userUpdated(endpoint.accountId, 'active-1', { dept: 'Research' }, { dept: 'Sales' }, T0 + 1));

      expect(await bed.stored()).toMatchObject({ reads: 1 });
    });
  });

  describe('the reconcile', () => {
    it('waits for the first clean full sync: without a census there is nothing to compare', async () => {
      await makeReconcilesDue();

      expect(await reconcileAll()).toEqual(['no_census', 'no_census']);
      expect(await bed.drifts()).toEqual([]);
    });

    it('finds Zoom in step with what was seen, and is not due again before its interval', async () => {
      await afterFullSync();
      await deliver(userEvent('user.deactivated', endpoint.accountId, { id: 'active-1', email: 'active-1@example.com' }, { eventTs: T0 }));
      await makeReconcilesDue();

      expect(await reconcileAll()).toEqual(['in_step', 'in_step']);
      expect(await bed.reconcileNext()).toBeUndefined();
      expect(await bed.drifts()).toEqual([]);
    });

    it('suspects drift when a user was added without a webhook, and reports it when a second look confirms it', async () => {
      await afterFullSync();
      bed.zoom.add('active', { id: 'dropped-1', email: 'dropped-1@example.com', type: 2 });
      await makeReconcilesDue();

      expect(await reconcileAll()).toEqual(['suspected', 'suspected']);
      expect(await bed.drifts()).toEqual([]);
      await makeReconcilesDue();
      expect(await reconcileAll()).toEqual(['drift', 'drift']);

      const drifts = await bed.drifts();
      expect(drifts.map((drift) => drift.integrationId).sort()).toEqual([...integrations].sort());
      expect(drifts[0].payload).toEqual({
        reason: 'counts_differ',
        zoomCounts: { licensed: 1, basic: 0, joinOnly: 7, pending: 0 },
        seenCounts: { licensed: 0, basic: 0, joinOnly: 7, pending: 0 },
      });
    });

    it('drops a suspicion that a second look does not confirm: the webhook was only late', async () => {
      await afterFullSync();
      bed.zoom.add('active', { id: 'late-1', email: 'late-1@example.com', type: 2 });
      await makeReconcilesDue();
      expect(await reconcileAll()).toEqual(['suspected', 'suspected']);

      await deliver(userEvent('user.created', endpoint.accountId, { id: 'late-1', email: 'late-1@example.com', type: 2 }, { eventTs: T0 }));
      await bed.readNext();
      await makeReconcilesDue();

      expect(await reconcileAll()).toEqual(['in_step', 'in_step']);
      expect(await bed.drifts()).toEqual([]);
      expect(await bed.query('SELECT count(*)::int AS suspected FROM integrations WHERE drift_suspected_at IS NOT NULL')).toEqual([
        { suspected: 0 },
      ]);
    });

    it('keeps a report of a user never seen that arrives while a check finds the counts in step', async () => {
      await afterFullSync();
      bed.zoom.add('active', { id: 'late-2', email: 'late-2@example.com', type: 2 });
      await makeReconcilesDue();
      expect(await reconcileAll()).toEqual(['suspected', 'suspected']);
      await makeReconcilesDue();
      const underWay = await bed.service(ReconcileSchedule).claimDue();

      // A webhook of the user the counts missed (not of the event that created them) arrives during the check.
      await deliver(userUpdated(endpoint.accountId, 'late-2', { type: 2 }, { type: 1 }, T0));
      expect(await bed.service(ReconcileChecker).check(underWay!)).toBe('in_step');

      expect((await reconcileAll()).sort()).toEqual(['drift', 'drift']);
      expect((await bed.drifts()).map((drift) => drift.payload.reason)).toEqual(['unknown_user', 'unknown_user']);
    });

    it('compares net of the census: Zoom counting someone the full sync never lists is not drift', async () => {
      // A user Zoom counts but does not list: the full sync saw one user fewer than the summary says.
      await afterFullSync(bed.zoom.users.slice(1));
      await makeReconcilesDue();

      expect(await reconcileAll()).toEqual(['in_step', 'in_step']);
    });

    it('reports drift at once after a change of a user never seen, without asking Zoom', async () => {
      await afterFullSync();

      await deliver(userUpdated(endpoint.accountId, 'never-seen', { dept: 'Research' }, { dept: 'Sales' }, T0));
      const summaries = bed.zoom.summaryRequests;

      expect(await reconcileAll()).toEqual(['drift', 'drift']);
      expect(bed.zoom.summaryRequests).toBe(summaries);
      expect((await bed.drifts()).map((drift) => drift.payload)).toEqual([{ reason: 'unknown_user' }, { reason: 'unknown_user' }]);
    });

    it('reconciles at once when asked', async () => {
      await afterFullSync();
      const integrationId = integrations[0];
      const envelope = { integrationId, tenantId: 'acme', payload: { zoomCredentialId: endpoint.zoomCredentialId } };

      await transaction((manager) =>
        bed.service(ReconcileRequestsController).onRequested({
          envelope,
          manager,
          topic: ZoomReconcileRequested.topic,
          messageId: randomUUID(),
        } as unknown as ConsumedMessage<ZoomReconcileRequestedValue>),
      );

      expect(await bed.reconcileNext()).toBe('in_step');
      expect(await bed.reconcileNext()).toBeUndefined();
    });
  });
});
