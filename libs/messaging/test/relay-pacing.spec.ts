import { waitFor } from '@zoom-oomnitza-sync/testing';
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { MessagingTestBed } from './support/messaging-test-bed';
import { TestNote } from './support/test-messages';

/** Long enough that only a commit's wake-up, never the fallback poll, starts a cycle within a test. */
const POLL_NEVER = { OUTBOX_POLL_INTERVAL_MS: '600000' };

/** A pacing that holds every cycle until let go, counting the cycles it held. */
function heldPacing() {
  const held = { cycles: 0, letGo: () => undefined as void };
  const pacing = () => {
    held.cycles += 1;
    return new Promise<void>((resolve) => (held.letGo = resolve));
  };
  return { held, pacing };
}

describe('pacing the outbox relay', () => {
  let bed: MessagingTestBed;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_relay_pacing', [TestNote.topic]);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  it('publishes nothing while the pacing holds a cycle back, and the waiting row once it lets go', async () => {
    const app = await bed.startApp({ consume: false, settings: POLL_NEVER });
    try {
      const { held, pacing } = heldPacing();
      app.app.get(OutboxRelay).paceWith(pacing);

      await bed.publishNotes(app, ['held back'], 'integration-pacing');
      await waitFor(() => held.cycles === 1, { description: 'the cycle woken by the commit to await the pacing' });
      expect(await bed.unpublishedCount()).toBe(1);
      expect(await bed.messagesOnTopic(TestNote.topic)).toBe(0);

      held.letGo();
      await waitFor(async () => (await bed.messagesOnTopic(TestNote.topic)) === 1, { description: 'the note on Kafka' });
      expect(await bed.unpublishedCount()).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('stops while a cycle is held back, publishing what waits as it drains', async () => {
    const app = await bed.startApp({ consume: false, settings: POLL_NEVER });
    const { held, pacing } = heldPacing();
    app.app.get(OutboxRelay).paceWith(pacing);
    await bed.publishNotes(app, ['drained at shutdown'], 'integration-pacing-stop');
    await waitFor(() => held.cycles === 1, { description: 'the cycle woken by the commit to await the pacing' });

    await app.close();

    expect(await bed.unpublishedCount()).toBe(0);
    expect(await bed.messagesOnTopic(TestNote.topic)).toBe(2);
    expect(held.cycles).toBe(1);
  });
});
