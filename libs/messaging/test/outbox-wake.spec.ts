import { SqlParameters } from '@zoom-oomnitza-sync/platform';
import { testDatabaseUrl, waitFor } from '@zoom-oomnitza-sync/testing';
import { Client, Notification } from 'pg';
import { outboxChannelOf } from '../src/outbox/outbox-channel';
import { MessagingTestBed, TestApp } from './support/messaging-test-bed';
import { TestNote, TestNoteValue } from './support/test-messages';

/** Long enough that only a wake-up, never the fallback poll, publishes within a test. */
const POLL_NEVER = { OUTBOX_POLL_INTERVAL_MS: '600000' };

describe('waking the outbox relay', () => {
  let bed: MessagingTestBed;
  let listener: Client;
  const heard: Notification[] = [];

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_outbox_wake', [TestNote.topic]);
    listener = new Client({ connectionString: testDatabaseUrl() });
    listener.on('notification', (notification) => heard.push(notification));
    await listener.connect();
    await listener.query(`LISTEN "${outboxChannelOf(bed.schema.schema)}"`);
  });

  afterAll(async () => {
    await listener?.end();
    await bed?.cleanup();
  });

  beforeEach(() => heard.splice(0));

  /** Starts an app that consumes nothing, with these settings, for `work`; always closes it. */
  async function withApp(settings: Record<string, string>, work: (app: TestApp) => Promise<void>): Promise<void> {
    const app = await bed.startApp({ consume: false, settings });
    try {
      await work(app);
    } finally {
      await app.close();
    }
  }

  /** Inserts a note with one statement of the caller's own, no transaction, where `when` holds: how many rows it inserted. */
  async function insertInStatement(app: TestApp, label: string, when: string): Promise<number> {
    const rows = await app.outbox.rows<TestNoteValue>(TestNote, [
      { tenantId: 'tenant-1', integrationId: 'integration-wake', payload: { label } },
    ]);
    const parameters = new SqlParameters();
    const insert = app.outbox.insertInStatement(app.dataSource, rows, parameters, { cte: 'inserted', when });
    const [{ inserted }] = (await app.dataSource.query(
      `WITH inserted AS (${insert.sql}) SELECT (SELECT count(*)::int FROM inserted) AS inserted, ${insert.announcement}`,
      parameters.values,
    )) as { inserted: number }[];
    insert.committed(inserted > 0);
    return inserted;
  }

  /** A round trip on the listening connection: a NOTIFY committed before it has been delivered by its end. */
  async function notificationsSoFar(): Promise<number> {
    await listener.query('SELECT 1');
    return heard.length;
  }

  it("publishes a committed row at once through this process's own relay, waking no other listener", async () => {
    await withApp(POLL_NEVER, async (app) => {
      await bed.publishNotes(app, ['woken in process'], 'integration-wake');
      // Published: stamped once Kafka acknowledged it (the topic shows the note a moment before the stamp commits).
      await waitFor(async () => (await bed.unpublishedCount()) === 0, { description: 'the row published' });
      expect(await bed.messagesOnTopic(TestNote.topic)).toBe(1);
      expect(await notificationsSoFar()).toBe(0);
    });
  });

  it('announces a committed row to the other replicas when this one relays nothing (OUTBOX_RELAY_ENABLED=false)', async () => {
    await withApp({ ...POLL_NEVER, OUTBOX_RELAY_ENABLED: 'false' }, async (app) => {
      await bed.publishNotes(app, ['for another relay'], 'integration-wake');
      await waitFor(notificationsSoFar, { description: 'a NOTIFY on the outbox channel' });
      expect(heard).toHaveLength(1);
    });
  });

  describe("a statement of the caller's own that inserts outbox rows, outside any transaction", () => {
    it("wakes this process's relay once it committed, with no NOTIFY", async () => {
      await withApp(POLL_NEVER, async (app) => {
        // The relay's first cycle publishes what earlier tests left; after it, only a wake-up publishes.
        await waitFor(async () => (await bed.unpublishedCount()) === 0, { description: "the relay's first cycle" });
        const before = await bed.messagesOnTopic(TestNote.topic);

        expect(await insertInStatement(app, 'one statement', 'true')).toBe(1);

        await waitFor(async () => (await bed.unpublishedCount()) === 0, { description: 'the row published' });
        expect(await bed.messagesOnTopic(TestNote.topic)).toBe(before + 1);
        expect(await notificationsSoFar()).toBe(0);
      });
    });

    it('announces its rows with a NOTIFY where this process relays nothing', async () => {
      await withApp({ ...POLL_NEVER, OUTBOX_RELAY_ENABLED: 'false' }, async (app) => {
        expect(await insertInStatement(app, 'for another relay', 'true')).toBe(1);
        await waitFor(notificationsSoFar, { description: 'a NOTIFY on the outbox channel' });
        expect(heard).toHaveLength(1);
      });
    });

    it('inserts and announces nothing where its condition does not hold', async () => {
      await withApp({ ...POLL_NEVER, OUTBOX_RELAY_ENABLED: 'false' }, async (app) => {
        const before = await bed.unpublishedCount();
        expect(await insertInStatement(app, 'not wanted', 'false')).toBe(0);
        expect(await bed.unpublishedCount()).toBe(before);
        expect(await notificationsSoFar()).toBe(0);
      });
    });
  });
});
