import { readTopic, waitFor } from '@zoom-oomnitza-sync/testing';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { MessagingTestBed } from './support/messaging-test-bed';
import { TestNote } from './support/test-messages';

describe('two relays on one schema', () => {
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_relay_replicas');
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  it('never publish a row twice', async () => {
    // Small claims make the two relays take turns many times while rows keep arriving.
    const settings = { OUTBOX_BATCH_SIZE: '5', OUTBOX_POLL_INTERVAL_MS: '10' };
    const first = await bed.startApp({ consume: false, settings });
    const second = await bed.startApp({ consume: false, settings });
    const perReplica = 100;
    const labels = (replica: string) => Array.from({ length: perReplica }, (_, i) => `${replica}-${i}`);
    const integrations = ['integration-a', 'integration-b', 'integration-c', 'integration-d'];
    await Promise.all([
      ...integrations
        .slice(0, 2)
        .map((integration, i) => bed.publishNotes(first, labels(`first-${i}`).slice(0, perReplica / 2), integration)),
      ...integrations
        .slice(2)
        .map((integration, i) => bed.publishNotes(second, labels(`second-${i}`).slice(0, perReplica / 2), integration)),
    ]);
    const total = perReplica * 2;

    await waitFor(async () => (await bed.unpublishedCount()) === 0, { description: 'an empty outbox backlog' });
    expect(await bed.messagesOnTopic(TestNote.topic)).toBe(total);
    const messages = await readTopic(bed.topicNames.resolve(TestNote.topic), { until: (read) => read.length >= total });
    const ids = new Set(messages.map((message) => message.json<{ messageId: string }>().messageId));
    expect(ids.size).toBe(total);

    const publishedByBoth =
      (await first.metric('messaging_outbox_published_total')) + (await second.metric('messaging_outbox_published_total'));
    expect(publishedByBoth).toBe(total);
  });
});

describe('one relay cycle', () => {
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_relay_cycle');
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  it('takes the relay lock, claims its rows and stamps them published in one statement', async () => {
    const app = await bed.startApp({ consume: false });
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      await bed.publishNotes(app, ['one', 'two', 'three'], 'integration-a');
      await waitFor(async () => (await bed.unpublishedCount()) === 0, { description: 'an empty outbox backlog' });

      const relayStatements = statements.mock.calls
        .map(([sql]) => String(sql))
        .filter((sql) => /pg_try_advisory_xact_lock|SELECT id, topic|SET published_at/.test(sql));
      expect(relayStatements.length).toBeGreaterThan(0);
      for (const sql of relayStatements) {
        expect(sql).toMatch(
          /pg_try_advisory_xact_lock[\s\S]*FOR UPDATE SKIP LOCKED[\s\S]*SET published_at|pg_try_advisory_xact_lock[\s\S]*SET published_at[\s\S]*FOR UPDATE SKIP LOCKED/,
        );
      }
    } finally {
      statements.mockRestore();
    }
    expect(await bed.messagesOnTopic(TestNote.topic)).toBe(3);
  });
});
