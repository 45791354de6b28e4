import { readTopic, waitFor } from '@zoom-oomnitza-sync/testing';
import { Client } from 'pg';
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

  it('opens its transaction, takes the relay lock, claims its rows and stamps them published in one round trip, then commits', async () => {
    // From the start: the relay prepares its claim on a connection before its first cycle there.
    const queries = jest.spyOn(Client.prototype, 'query');
    try {
      const app = await bed.startApp({ consume: false });
      await bed.publishNotes(app, ['one', 'two', 'three'], 'integration-a');
      await waitFor(async () => (await bed.unpublishedCount()) === 0, { description: 'an empty outbox backlog' });
      // The relay keeps looking after the backlog is gone: stopped, it finishes (and commits) the cycle it is in,
      // so no cycle is looked at between its claim and its COMMIT.
      await app.close();

      const sent = queries.mock.calls.map(([text], index) => ({
        client: queries.mock.contexts[index],
        text: typeof text === 'string' ? text : String((text as { text?: string }).text),
      }));
      const cycles = sent.filter(({ text }) => /EXECUTE outbox_claim_/.test(text));
      expect(cycles.length).toBeGreaterThan(0);
      for (const cycle of cycles) {
        expect(cycle.text).toMatch(/^BEGIN; EXECUTE (outbox_claim_\w+)\(\d+\)$/);
        const sameClient = sent.filter(({ client }) => client === cycle.client);
        const at = sameClient.indexOf(cycle);
        // What it executes was prepared on that connection once, before its first cycle there.
        const name = cycle.text.match(/EXECUTE (\w+)/)?.[1];
        const preparations = sameClient.filter(({ text }) => text.startsWith(`PREPARE ${name} `));
        expect(preparations).toHaveLength(1);
        expect(sameClient.indexOf(preparations[0])).toBeLessThan(at);
        expect(preparations[0].text).toMatch(/pg_try_advisory_xact_lock/);
        expect(preparations[0].text).toMatch(/FOR UPDATE SKIP LOCKED/);
        expect(preparations[0].text).toMatch(/SET published_at/);
        expect(sameClient[at + 1]?.text).toBe('COMMIT');
        expect(sameClient[at - 1]?.text ?? 'COMMIT').not.toMatch(/^\s*(START TRANSACTION|BEGIN)\s*$/);
      }
    } finally {
      queries.mockRestore();
    }
    expect(await bed.messagesOnTopic(TestNote.topic)).toBe(3);
  });
});
