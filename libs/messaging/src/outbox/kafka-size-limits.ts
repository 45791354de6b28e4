import { MAX_RECORD_BATCH_BYTES } from '@zoom-oomnitza-sync/contracts';

/**
 * The largest message the outbox takes: below the broker's and every topic's record batch limit
 * (MAX_RECORD_BATCH_BYTES) with room for the batch's and the record's own overhead, key and headers.
 */
export const MAX_MESSAGE_BYTES = 1_000_000;

/**
 * What one send may carry for one topic. kafkajs puts every message of one partition into one
 * record batch, and all of a topic's messages may share a partition: kept to one message's worth,
 * no batch exceeds the limit.
 */
export const MAX_TOPIC_BYTES_PER_SEND = MAX_MESSAGE_BYTES;

/** What one send may carry in all: well below the broker's request size limit. */
export const MAX_BYTES_PER_SEND = 4 * 1024 * 1024;

// The room left for overhead must stay positive if either number changes.
if (MAX_MESSAGE_BYTES + 16 * 1024 > MAX_RECORD_BATCH_BYTES) {
  throw new Error('MAX_MESSAGE_BYTES leaves no room below MAX_RECORD_BATCH_BYTES for record overhead');
}
