import { DeadLetterHeaders, MessageHeaders } from '@zoom-oomnitza-sync/contracts';
import { openTopicReader, ReadMessage, TopicReader, waitFor } from '@zoom-oomnitza-sync/testing';
import { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { MessagingTestBed, TestApp } from './support/messaging-test-bed';
import { NoteController } from './support/test-controllers';
import { TestNote } from './support/test-messages';

const MAX_ATTEMPTS = 3;

describe('dead-lettering', () => {
  let bed: MessagingTestBed;
  let app: TestApp;
  let deadLetters: TopicReader;
  let notes: TopicReader;
  let producer: Producer;

  beforeAll(async () => {
    bed = await MessagingTestBed.create('msg_dead_letter');
    deadLetters = await openTopicReader(bed.topicNames.deadLetterOf(TestNote.topic), { fromBeginning: true });
    notes = await openTopicReader(bed.topicNames.resolve(TestNote.topic), { fromBeginning: true });
    producer = bed.kafka.producer();
    await producer.connect();
    app = await bed.startApp({ controllers: [NoteController], settings: { MESSAGING_MAX_ATTEMPTS: String(MAX_ATTEMPTS) } });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await deadLetters?.close();
    await notes?.close();
    await bed?.cleanup();
  });

  const deadLetterOf = (predicate: (message: ReadMessage) => boolean) =>
    deadLetters.consumeUntil((messages) => messages.some(predicate)).then((messages) => messages.find(predicate) as ReadMessage);

  it('retries a failing message MESSAGING_MAX_ATTEMPTS times, dead-letters it, and moves on to the next ones', async () => {
    bed.probe.failing.add('poison');
    const [, poisonId] = await bed.publishNotes(app, ['before-poison', 'poison', 'after-poison-1', 'after-poison-2'], 'integration-poison');

    const dead = await deadLetterOf((message) => message.json<{ messageId: string }>().messageId === poisonId);
    const original = (
      await notes.consumeUntil((messages) => messages.some((m) => m.json<{ messageId: string }>().messageId === poisonId))
    ).find((m) => m.json<{ messageId: string }>().messageId === poisonId) as ReadMessage;
    expect(dead.headers).toMatchObject({
      [DeadLetterHeaders.originalTopic]: bed.topicNames.resolve(TestNote.topic),
      [DeadLetterHeaders.originalPartition]: String(original.partition),
      [DeadLetterHeaders.originalOffset]: original.offset,
      [DeadLetterHeaders.errorKind]: 'retries-exhausted',
      [DeadLetterHeaders.attempts]: String(MAX_ATTEMPTS),
      [DeadLetterHeaders.consumerGroup]: bed.consumerGroup,
      [MessageHeaders.messageType]: TestNote.type,
    });
    expect(dead.headers[DeadLetterHeaders.error]).toContain('transient failure for poison');
    expect(dead.key).toBe('integration-poison');
    expect(dead.value).toBe(original.value);
    expect(bed.probe.attempts.get('poison')).toBe(MAX_ATTEMPTS);

    const effects = await waitFor(
      async () => {
        const current = await bed.effects();
        return current.has('after-poison-2') ? current : undefined;
      },
      { description: 'the notes after the poison applied' },
    );
    expect(effects.get('before-poison')).toBe(1);
    expect(effects.get('after-poison-1')).toBe(1);
    expect(effects.get('after-poison-2')).toBe(1);
    expect(effects.has('poison')).toBe(false);
    expect(await app.metric('messaging_handler_retries_total', { topic: bed.topicNames.resolve(TestNote.topic) })).toBe(MAX_ATTEMPTS - 1);
  });

  it('dead-letters a permanent error at the first attempt', async () => {
    bed.probe.rejected.add('rejected');
    const [rejectedId] = await bed.publishNotes(app, ['rejected', 'after-rejected'], 'integration-permanent');

    const dead = await deadLetterOf((message) => message.json<{ messageId: string }>().messageId === rejectedId);
    expect(dead.headers).toMatchObject({ [DeadLetterHeaders.errorKind]: 'permanent-error', [DeadLetterHeaders.attempts]: '1' });
    expect(dead.headers[DeadLetterHeaders.error]).toContain('PermanentMessageError: label rejected is rejected');
    expect(bed.probe.attempts.get('rejected')).toBe(1);
    await waitFor(async () => (await bed.effects()).get('after-rejected') === 1, {
      description: 'the note after the rejected one applied',
    });
    expect((await bed.effects()).has('rejected')).toBe(false);
  });

  it('dead-letters invalid messages at once, naming the problems, and moves on', async () => {
    const topic = bed.topicNames.resolve(TestNote.topic);
    const valid = {
      messageId: randomUUID(),
      type: TestNote.type,
      version: 1,
      tenantId: 'tenant-1',
      integrationId: 'integration-invalid',
      occurredAt: new Date().toISOString(),
      observedAt: new Date().toISOString(),
      payload: { label: 'valid-after-invalid' },
    };
    const badPayloadId = randomUUID();
    const wrongVersionId = randomUUID();
    await producer.send({
      topic,
      acks: -1,
      messages: [
        { key: 'integration-invalid', value: '{"messageId": "not json' },
        { key: 'integration-invalid', value: JSON.stringify({ ...valid, messageId: badPayloadId, payload: { label: 42 } }) },
        { key: 'integration-invalid', value: JSON.stringify({ ...valid, messageId: wrongVersionId, version: 7 }) },
        { key: 'integration-invalid', value: JSON.stringify(valid) },
      ],
    });

    const fromInvalidIntegration = (message: ReadMessage) => message.key === 'integration-invalid';
    const dead = await deadLetters.consumeUntil((messages) => messages.filter(fromInvalidIntegration).length === 3);
    const [notJson, badPayload, wrongVersion] = dead
      .filter(fromInvalidIntegration)
      .sort((a, b) => Number(a.headers[DeadLetterHeaders.originalOffset]) - Number(b.headers[DeadLetterHeaders.originalOffset]));
    for (const message of [notJson, badPayload, wrongVersion]) {
      expect(message.headers).toMatchObject({ [DeadLetterHeaders.errorKind]: 'invalid-message', [DeadLetterHeaders.attempts]: '0' });
    }
    expect(notJson.headers[DeadLetterHeaders.error]).toBe('value is not valid JSON');
    expect(badPayload.headers[DeadLetterHeaders.error]).toMatch(/payload\.label: /);
    expect(badPayload.json<{ messageId: string }>().messageId).toBe(badPayloadId);
    expect(wrongVersion.headers[DeadLetterHeaders.error]).toContain('version: expected 1, got 7');

    await waitFor(async () => (await bed.effects()).get('valid-after-invalid') === 1, {
      description: 'the valid message after the invalid ones applied',
    });
    expect(
      await app.metric('messaging_dead_lettered_total', { topic: bed.topicNames.resolve(TestNote.topic), reason: 'invalid-message' }),
    ).toBe(3);
  });
});
