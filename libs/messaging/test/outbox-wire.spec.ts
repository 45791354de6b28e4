import { openTopicReader, ReadMessage, TopicReader } from '@zoom-oomnitza-sync/testing';
import { MessagingTestBed } from './support/messaging-test-bed';
import { TestNote, TestNoteValue } from './support/test-messages';

describe('what the outbox relay puts on the wire', () => {
  let bed: MessagingTestBed;
  let notes: TopicReader;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_outbox_wire', [TestNote.topic]);
    notes = await openTopicReader(bed.topicNames.resolve(TestNote.topic), { fromBeginning: true });
  });

  afterAll(async () => {
    await notes?.close();
    await bed?.cleanup();
  });

  it('sends each envelope byte for byte as the publisher wrote it (the bytes its size check measured), keys in their order', async () => {
    const app = await bed.startApp({ consume: false });
    try {
      const label = 'Ünal, "quoted" \\ and {braces}';
      const envelope = await bed.inTransaction(app, (manager) =>
        app.outbox.publish<TestNoteValue>(manager, TestNote, {
          tenantId: 'tenant-1',
          integrationId: 'integration-wire',
          payload: { label },
        }),
      );
      const isIt = (message: ReadMessage) => message.value?.includes(envelope.messageId) === true;
      const [sent] = (await notes.consumeUntil((messages) => messages.some(isIt))).filter(isIt);

      expect(sent.value).toBe(JSON.stringify(envelope));
    } finally {
      await app.close();
    }
  });
});
