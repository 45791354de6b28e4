/** Kafka header names. Headers carry tracing and failure context, never secrets. */
export const MessageHeaders = {
  correlationId: 'x-correlation-id',
  messageType: 'x-message-type',
  messageVersion: 'x-message-version',
} as const;

/** Headers a dead-lettered record carries beside its original headers. */
export const DeadLetterHeaders = {
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  error: 'x-dlq-error',
  errorKind: 'x-dlq-error-kind',
  attempts: 'x-dlq-attempts',
  failedAt: 'x-dlq-failed-at',
  consumerGroup: 'x-dlq-consumer-group',
} as const;
