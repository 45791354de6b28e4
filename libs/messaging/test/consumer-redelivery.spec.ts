import { waitFor } from '@zoom-oomnitza-sync/testing';
import { MessagingTestBed } from './support/messaging-test-bed';
import { NoteController } from './support/test-controllers';
import { TestNote } from './support/test-messages';

/** Committed offsets of a fresh topic add up to the number of messages consumed (-1: nothing committed). */
const sum = (offsets: Map<number, number>) => [...offsets.values()].reduce((total, offset) => total + Math.max(offset, 0), 0);

describe('a consumer that dies after its effect but before committing its offset', () => {
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_redelivery');
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  it('gets every message again and applies none of them a second time', async () => {
    const labels = Array.from({ length: 10 }, (_, i) => `note-${i}`);
    const first = await bed.startApp({ controllers: [NoteController] });
    await bed.publishNotes(first, labels.slice(0, 5), 'integration-a');
    await bed.publishNotes(first, labels.slice(5), 'integration-b');
    await waitFor(async () => (await bed.effects()).size === labels.length, { description: 'every note applied' });
    await first.close();
    expect(sum(await bed.committedOffsets(TestNote.topic))).toBe(labels.length);

    // As if the offset commits never happened: the group starts over from the beginning.
    const topic = bed.topicNames.resolve(TestNote.topic);
    await bed.withAdmin((admin) => admin.resetOffsets({ groupId: bed.consumerGroup, topic, earliest: true }));
    expect([...(await bed.committedOffsets(TestNote.topic)).values()].every((offset) => offset <= 0)).toBe(true);

    const second = await bed.startApp({ controllers: [NoteController] });
    await waitFor(
      async () => (await second.metric('messaging_handler_duration_seconds_count', { outcome: 'duplicate' })) === labels.length,
      {
        description: 'every note redelivered and recognised as already applied',
      },
    );

    const effects = await bed.effects();
    expect(labels.map((label) => effects.get(label))).toEqual(labels.map(() => 1));
    expect(await second.metric('messaging_handler_duration_seconds_count', { outcome: 'processed' })).toBe(0);
    await waitFor(async () => sum(await bed.committedOffsets(TestNote.topic)) === labels.length, {
      description: 'the offsets committed past every redelivered note',
    });
  });
});
