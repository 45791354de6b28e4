import { OutboxRelay } from '../src';
import { randomUUID } from 'node:crypto';
import { MessagingHousekeeping } from '../src/housekeeping/messaging-housekeeping';
import { MessagingTestBed, TestApp } from './support/messaging-test-bed';

describe('messaging housekeeping', () => {
  let bed: MessagingTestBed;
  let app: TestApp;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_housekeeping');
    app = await bed.startApp({ consume: false, settings: { OUTBOX_RETENTION_HOURS: '24', INBOX_RETENTION_DAYS: '14' } });
    // Rows written by hand below must stay as they are.
    await app.app.get(OutboxRelay).stop();
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  const outboxRow = (label: string, createdAgo: string, publishedAgo: string | null) =>
    bed.schema.query(
      `INSERT INTO outbox (message_id, topic, message_key, headers, payload, created_at, published_at)
       VALUES ($1, 'topic', 'key', '{}', $2, now() - $3::interval, now() - $4::interval)`,
      [randomUUID(), JSON.stringify({ label }), createdAgo, publishedAgo],
    );

  const remainingLabels = async (table: 'outbox' | 'inbox') =>
    (
      await bed.schema.query<{ label: string }>(
        table === 'outbox' ? `SELECT payload->>'label' AS label FROM outbox` : `SELECT topic AS label FROM inbox`,
      )
    )
      .map((row) => row.label)
      .sort();

  it('deletes outbox rows published longer ago than the retention, never unpublished ones, and reports the backlog', async () => {
    await outboxRow('published-long-ago', '3 days', '2 days');
    await outboxRow('published-recently', '2 hours', '1 hour');
    await outboxRow('never-published', '3 days', null);

    await app.app.get(MessagingHousekeeping).runOnce();

    expect(await remainingLabels('outbox')).toEqual(['never-published', 'published-recently']);
    expect(await app.metric('messaging_outbox_backlog')).toBe(1);
  });

  it('deletes inbox rows older than the retention', async () => {
    const inboxRow = (label: string, processedAgo: string) =>
      bed.schema.query(
        `INSERT INTO inbox (message_id, consumer, topic, partition, "offset", processed_at) VALUES ($1, 'c', $2, 0, 0, now() - $3::interval)`,
        [randomUUID(), label, processedAgo],
      );
    await inboxRow('processed-long-ago', '15 days');
    await inboxRow('processed-recently', '13 days');

    await app.app.get(MessagingHousekeeping).runOnce();

    expect(await remainingLabels('inbox')).toEqual(['processed-recently']);
  });
});
