import { OutboxRelay } from '../src';
import { waitFor } from '@zoom-oomnitza-sync/testing';
import { MessagingTestBed } from './support/messaging-test-bed';
import { NoteController } from './support/test-controllers';
import { TestNote } from './support/test-messages';

describe('a producer that dies between commit and publish', () => {
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_relay_recovery');
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  it('loses nothing: a fresh relay publishes the committed rows and each is applied once', async () => {
    const labels = Array.from({ length: 12 }, (_, i) => `pending-${i}`);
    const producer = await bed.startApp({ consume: false });
    // The relay is dead before any row commits, so nothing can leave until a new one starts.
    await producer.app.get(OutboxRelay).stop();
    await bed.publishNotes(producer, labels.slice(0, 6), 'integration-a');
    await bed.publishNotes(producer, labels.slice(6), 'integration-b');
    await producer.close();

    expect(await bed.unpublishedCount()).toBe(labels.length);
    expect(await bed.messagesOnTopic(TestNote.topic)).toBe(0);

    await bed.startApp({ controllers: [NoteController] });

    const effects = await waitFor(
      async () => {
        const current = await bed.effects();
        return labels.every((label) => current.has(label)) ? current : undefined;
      },
      { description: 'every pending note applied' },
    );
    expect(labels.map((label) => effects.get(label))).toEqual(labels.map(() => 1));
    expect(await bed.unpublishedCount()).toBe(0);
    expect(await bed.messagesOnTopic(TestNote.topic)).toBe(labels.length);
  });
});
