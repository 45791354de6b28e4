import { deadLetterTopicOf, DeadLetterHeaders } from '@zoom-oomnitza-sync/contracts';
import { readTopic, waitFor } from '@zoom-oomnitza-sync/testing';
import { OutboxRelay } from '../src';
import { MessagingTestBed, TestApp } from './support/messaging-test-bed';
import { NoteController } from './support/test-controllers';
import { TestNote } from './support/test-messages';

const LARGE_NOTE_CHARS = 300_000;

/** A label that makes a note of about 300 KB; the index keeps each one apart. */
const largeLabel = (index: number) => `${String(index).padStart(3, '0')}-${'x'.repeat(LARGE_NOTE_CHARS)}`;

async function relayAgain(producer: TestApp): Promise<void> {
  producer.app.get(OutboxRelay).start();
}

describe("the outbox relay and the broker's size limits", () => {
  describe('a backlog of large messages for one partition', () => {
    let bed: MessagingTestBed;

    beforeAll(async () => {
      bed = await MessagingTestBed.create('msg_outbox_backlog');
    });

    afterAll(() => bed?.cleanup());

    it('drains: each send keeps every partition below the record batch limit, in order', async () => {
      const producer = await bed.startApp({ consume: false });
      await producer.app.get(OutboxRelay).stop();
      // Twelve notes of ~300 KB for one integration: 3.6 MB waiting for one partition.
      const labels = Array.from({ length: 12 }, (_, index) => largeLabel(index));
      await bed.publishNotes(producer, labels, 'integration-large');

      await relayAgain(producer);

      await waitFor(async () => (await bed.unpublishedCount()) === 0, { description: 'the backlog published', timeoutMs: 30_000 });
      const published = await readTopic(bed.topicNames.resolve(TestNote.topic), { until: (read) => read.length >= labels.length });
      expect(published.map((message) => message.json<{ payload: { label: string } }>().payload.label)).toEqual(labels);
    });
  });

  describe('a message the broker refuses even alone', () => {
    let bed: MessagingTestBed;

    beforeAll(async () => {
      // A topic whose limit is below what the outbox lets through, as one configured by hand might be.
      bed = await MessagingTestBed.create('msg_outbox_quarantine', [TestNote.topic], 3, { 'max.message.bytes': '100000' });
    });

    afterAll(() => bed?.cleanup());

    it('is set aside on the dead-letter topic, named, without its payload, and the messages after it flow', async () => {
      const producer = await bed.startApp({ controllers: [NoteController] });
      await producer.app.get(OutboxRelay).stop();
      const [refusedId] = await bed.publishNotes(producer, [largeLabel(1)], 'integration-q');
      await bed.publishNotes(producer, ['after-1', 'after-2'], 'integration-q');

      await relayAgain(producer);

      const effects = await waitFor(
        async () => {
          const current = await bed.effects();
          return current.has('after-1') && current.has('after-2') ? current : undefined;
        },
        { description: 'the notes after the refused one applied' },
      );
      expect([...effects.keys()].sort()).toEqual(['after-1', 'after-2']);
      expect(await bed.unpublishedCount()).toBe(0);
      const [notice] = await readTopic(bed.topicNames.resolve(deadLetterTopicOf(TestNote.topic)), { until: (read) => read.length >= 1 });
      expect(notice.json()).toMatchObject({ messageId: refusedId, type: TestNote.type, integrationId: 'integration-q' });
      expect(notice.json()).not.toHaveProperty('payload');
      expect(notice.headers[DeadLetterHeaders.errorKind]).toBe('message-too-large');
      expect(notice.headers[DeadLetterHeaders.originalTopic]).toBe(bed.topicNames.resolve(TestNote.topic));
      expect(notice.headers[DeadLetterHeaders.error]).toMatch(/refused by the broker as too large/);
      expect(await producer.metric('messaging_outbox_set_aside_total', { topic: bed.topicNames.resolve(TestNote.topic) })).toBe(1);
    });
  });
});
