import { DeadLetterHeaders, MessageHeaders } from '@zoom-oomnitza-sync/contracts';
import { KafkaMessage } from 'kafkajs';
import { buildDeadLetterMessage } from './dead-letter-message';

const record: KafkaMessage = {
  key: Buffer.from('integration-1'),
  value: Buffer.from('{"messageId":"x"}'),
  headers: { [MessageHeaders.correlationId]: Buffer.from('corr-9'), [MessageHeaders.messageType]: Buffer.from('zoom.user.changed') },
  offset: '42',
  timestamp: '1741082700000',
  attributes: 0,
};

describe('buildDeadLetterMessage', () => {
  const message = buildDeadLetterMessage(
    { topic: 'p.zoom.user.changed.v1', partition: 2, message: record, consumerGroup: 'p.mapper' },
    { reason: 'retries-exhausted', error: 'Error: database timeout', attempts: 5 },
    new Date('2025-03-04T10:05:00.000Z'),
  );

  it('keeps the original key, value and headers', () => {
    expect(message.key).toBe(record.key);
    expect(message.value).toBe(record.value);
    expect(message.headers).toMatchObject(record.headers ?? {});
  });

  it('says where the record came from and why it failed', () => {
    expect(message.headers).toMatchObject({
      [DeadLetterHeaders.originalTopic]: 'p.zoom.user.changed.v1',
      [DeadLetterHeaders.originalPartition]: '2',
      [DeadLetterHeaders.originalOffset]: '42',
      [DeadLetterHeaders.error]: 'Error: database timeout',
      [DeadLetterHeaders.errorKind]: 'retries-exhausted',
      [DeadLetterHeaders.attempts]: '5',
      [DeadLetterHeaders.failedAt]: '2025-03-04T10:05:00.000Z',
      [DeadLetterHeaders.consumerGroup]: 'p.mapper',
    });
  });
});
