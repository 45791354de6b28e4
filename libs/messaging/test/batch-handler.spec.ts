import { DeadLetterHeaders } from '@zoom-oomnitza-sync/contracts';
import { openTopicReader, ReadMessage, TopicReader, waitFor } from '@zoom-oomnitza-sync/testing';
import { MessagingTestBed, TestApp } from './support/messaging-test-bed';
import { BatchNoteController } from './support/test-controllers';
import { TestBatchNote, TestNoteValue } from './support/test-messages';

const MAX_ATTEMPTS = 3;

describe('batch handlers', () => {
  let bed: MessagingTestBed;
  let app: TestApp;
  let deadLetters: TopicReader;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_batch', [TestBatchNote.topic]);
    deadLetters = await openTopicReader(bed.topicNames.deadLetterOf(TestBatchNote.topic), { fromBeginning: true });
    app = await bed.startApp({ controllers: [BatchNoteController], settings: { MESSAGING_MAX_ATTEMPTS: String(MAX_ATTEMPTS) } });
  });

  afterAll(async () => {
    await deadLetters?.close();
    await bed?.cleanup();
  });

  /** One transaction: the relay claims the rows together and they reach Kafka as one record batch. */
  const publishTogether = (labels: string[], integrationId: string) =>
    bed.inTransaction(app, async (manager) => {
      const ids: string[] = [];
      for (const label of labels) {
        ids.push(
          (await app.outbox.publish<TestNoteValue>(manager, TestBatchNote, { tenantId: 'tenant-1', integrationId, payload: { label } }))
            .messageId,
        );
      }
      return ids;
    });

  it('hands a fetched batch to the handler in one call and applies each message once', async () => {
    const labels = Array.from({ length: 12 }, (_, i) => `together-${i}`);
    await publishTogether(labels, 'integration-together');

    await waitFor(async () => labels.every((label) => bed.probe.attempts.has(label)), { description: 'every note handled' });
    const effects = await waitFor(async () => {
      const current = await bed.effects();
      return labels.every((label) => current.has(label)) ? current : undefined;
    });
    expect(labels.map((label) => effects.get(label))).toEqual(labels.map(() => 1));
    expect(bed.probe.batches.some((batch) => batch.length > 1 && batch.every((label) => labels.includes(label)))).toBe(true);
  });

  it('isolates a poison message: the others are applied once, the poison is dead-lettered alone', async () => {
    bed.probe.failing.add('batch-poison');
    const [, poisonId] = await publishTogether(['batch-before', 'batch-poison', 'batch-after'], 'integration-poison');

    const isPoison = (message: ReadMessage) => message.json<{ messageId: string }>().messageId === poisonId;
    const dead = (await deadLetters.consumeUntil((messages) => messages.some(isPoison))).find(isPoison) as ReadMessage;
    expect(dead.headers).toMatchObject({
      [DeadLetterHeaders.errorKind]: 'retries-exhausted',
      [DeadLetterHeaders.attempts]: String(MAX_ATTEMPTS),
    });

    const effects = await waitFor(async () => {
      const current = await bed.effects();
      return current.has('batch-before') && current.has('batch-after') ? current : undefined;
    });
    expect(effects.get('batch-before')).toBe(1);
    expect(effects.get('batch-after')).toBe(1);
    expect(effects.has('batch-poison')).toBe(false);
    // First the whole batch (rolled back), then the poison alone on each of its attempts.
    const poisonCalls = bed.probe.batches.filter((batch) => batch.includes('batch-poison'));
    expect(poisonCalls[0]).toEqual(['batch-before', 'batch-poison', 'batch-after']);
    expect(poisonCalls.slice(1)).toEqual(Array.from({ length: MAX_ATTEMPTS }, () => ['batch-poison']));
  });
});
