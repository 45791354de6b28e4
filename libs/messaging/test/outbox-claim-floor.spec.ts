import { blocksTouched, waitFor } from '@zoom-oomnitza-sync/testing';
import { Client } from 'pg';
import { OutboxRelay } from '../src';
import { MessagingTestBed, TestApp } from './support/messaging-test-bed';
import { TestNote, TestNoteValue } from './support/test-messages';

/** Rows published before the relay's cycles: as many dead entries in the index of unpublished rows as a busy hour leaves before VACUUM. */
const PUBLISHED_BEFORE = 20_000;

describe('the outbox relay’s claim on a table PostgreSQL has not vacuumed', () => {
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_claim_floor');
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  async function publishedAt(messageId: string): Promise<Date | null> {
    const [row] = await bed.schema.query<{ published_at: Date | null }>(`SELECT published_at FROM outbox WHERE message_id = $1`, [
      messageId,
    ]);
    return row.published_at;
  }

  /** A note written in a transaction left open: `commit` ends it. */
  async function openNote(app: TestApp, label: string): Promise<{ messageId: string; commit: () => Promise<void> }> {
    const runner = app.dataSource.createQueryRunner();
    await runner.startTransaction();
    const envelope = await app.outbox.publish<TestNoteValue>(runner.manager, TestNote, {
      tenantId: 'tenant-1',
      integrationId: 'integration-open',
      payload: { label },
    });
    return {
      messageId: envelope.messageId,
      commit: async () => {
        await runner.commitTransaction();
        await runner.release();
      },
    };
  }

  it('steps over the rows it published a while ago instead of every row published since the last VACUUM', async () => {
    // From the start: the relay prepares its claim on a connection before its first cycle there.
    const query = jest.spyOn(Client.prototype, 'query');
    const sent: string[] = [];
    let app: TestApp;
    try {
      app = await bed.startApp({ consume: false, settings: { OUTBOX_CLAIM_LAG_MS: '200', OUTBOX_SWEEP_INTERVAL_MS: '600000' } });
      await bed.schema.query(`ALTER TABLE outbox SET (autovacuum_enabled = false)`);
      const outbox = `"${bed.schema.schema}".outbox`;
      await app.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO ${outbox} (message_id, topic, message_key, headers, payload)
         SELECT gen_random_uuid(), 'published-before', 'key', '{}', '{}' FROM generate_series(1, ${PUBLISHED_BEFORE})`,
        );
        await manager.query(`UPDATE ${outbox} SET published_at = now() WHERE topic = 'published-before'`);
      });
      const [first] = await bed.publishNotes(app, ['first'], 'integration-a');
      await waitFor(() => publishedAt(first), { description: 'the first note published' });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const [second] = await bed.publishNotes(app, ['second'], 'integration-a');
      await waitFor(() => publishedAt(second), { description: 'the second note published' });
      sent.push(...query.mock.calls.map(([text]) => String(text)));
    } finally {
      query.mockRestore();
    }
    await app.app.get(OutboxRelay).stop();

    // The claim is prepared once per connection and executed with the floor as its one parameter.
    const claim = sent.find((text) => /^PREPARE outbox_claim_/.test(text))?.replace(/^PREPARE \S+ \(bigint\) AS /, '');
    const floors = sent.flatMap((text) => text.match(/EXECUTE outbox_claim_\w+\((\d+)\)/)?.[1] ?? []);
    expect(claim).toMatch(/id >= \$1/);
    const pages = await blocksTouched(app.dataSource, claim ?? '', [floors[floors.length - 1]], true);
    await app.close();
    // From the bottom, the claim reads every leaf page of the index's dead entries: about one per 350 rows.
    expect(pages).toBeLessThan(PUBLISHED_BEFORE / 350 / 4);
  });

  it('publishes at once a row committed after rows with higher ids were published, within the lag', async () => {
    const app = await bed.startApp({ consume: false, settings: { OUTBOX_CLAIM_LAG_MS: '5000', OUTBOX_SWEEP_INTERVAL_MS: '600000' } });
    const late = await openNote(app, 'late');
    const [after] = await bed.publishNotes(app, ['after'], 'integration-a');
    await waitFor(() => publishedAt(after), { description: 'the later note published' });
    await late.commit();
    await waitFor(() => publishedAt(late.messageId), { description: 'the note committed last published', timeoutMs: 4_000 });
    await app.close();
  });

  it('publishes a row whose transaction stayed open past the lag with the next claim from the bottom', async () => {
    const app = await bed.startApp({ consume: false, settings: { OUTBOX_CLAIM_LAG_MS: '100', OUTBOX_SWEEP_INTERVAL_MS: '3000' } });
    const late = await openNote(app, 'late past the lag');
    const [before] = await bed.publishNotes(app, ['before'], 'integration-a');
    await waitFor(() => publishedAt(before), { description: 'a later note published' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [risen] = await bed.publishNotes(app, ['risen'], 'integration-a');
    await waitFor(() => publishedAt(risen), { description: 'a note published from the risen floor' });
    await late.commit();
    await waitFor(() => publishedAt(late.messageId), { description: 'the long-open note published by the sweep', timeoutMs: 20_000 });
    await app.close();
  });
});
