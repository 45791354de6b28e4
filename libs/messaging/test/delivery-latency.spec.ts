import { waitFor } from '@zoom-oomnitza-sync/testing';
import { MessagingTestBed } from './support/messaging-test-bed';
import { NoteController } from './support/test-controllers';
import { TestNote } from './support/test-messages';

const HELD_MS = 1_500;

describe('delivery latency', () => {
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_delivery_latency');
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  it("measures each applied message from its outbox insert to its handler's commit, whatever held it on the way", async () => {
    const app = await bed.startApp({ controllers: [NoteController], consume: false });
    const topic = bed.topicNames.resolve(TestNote.topic);
    await bed.publishNotes(app, ['first', 'second'], 'integration-a');
    await waitFor(async () => (await bed.unpublishedCount()) === 0, { description: 'both notes published' });
    await new Promise((resolve) => setTimeout(resolve, HELD_MS));

    await app.startConsuming();
    await waitFor(async () => (await bed.effects()).size === 2, { description: 'both notes applied' });

    await waitFor(async () => (await app.metric('messaging_delivery_latency_seconds_count', { topic })) === 2, {
      description: 'two deliveries measured',
    });
    expect(await app.metric('messaging_delivery_latency_seconds_sum', { topic })).toBeGreaterThanOrEqual((2 * HELD_MS) / 1000);
  });
});
