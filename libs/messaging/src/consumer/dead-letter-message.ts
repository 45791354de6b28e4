import { DeadLetterHeaders } from '@zoom-oomnitza-sync/contracts';
import { KafkaMessage, Message } from 'kafkajs';
import { DeadLetterReason } from '../metrics/messaging-metrics';

export interface DeadLetterFailure {
  reason: DeadLetterReason;
  error: string;
  /** Handler attempts made; 0 when the message never reached the handler. */
  attempts: number;
}

export interface DeadLetterOrigin {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumerGroup: string;
}

/** The original record (key, value, headers) plus headers saying where it came from and why it failed. */
export function buildDeadLetterMessage(origin: DeadLetterOrigin, failure: DeadLetterFailure, failedAt: Date): Message {
  return {
    key: origin.message.key,
    value: origin.message.value,
    headers: {
      ...origin.message.headers,
      [DeadLetterHeaders.originalTopic]: origin.topic,
      [DeadLetterHeaders.originalPartition]: String(origin.partition),
      [DeadLetterHeaders.originalOffset]: origin.message.offset,
      [DeadLetterHeaders.error]: failure.error,
      [DeadLetterHeaders.errorKind]: failure.reason,
      [DeadLetterHeaders.attempts]: String(failure.attempts),
      [DeadLetterHeaders.failedAt]: failedAt.toISOString(),
      [DeadLetterHeaders.consumerGroup]: origin.consumerGroup,
    },
  };
}
