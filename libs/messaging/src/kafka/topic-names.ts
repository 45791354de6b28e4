import { deadLetterTopicOf } from '@zoom-oomnitza-sync/contracts';

/**
 * Maps catalogue topic names to the Kafka topics of this deployment. KAFKA_TOPIC_PREFIX lets
 * several environments (or test files) share one cluster without sharing topics or groups.
 */
export class TopicNames {
  constructor(readonly prefix: string) {}

  resolve(topic: string): string {
    return `${this.prefix}${topic}`;
  }

  deadLetterOf(topic: string): string {
    return this.resolve(deadLetterTopicOf(topic));
  }

  consumerGroupOf(serviceName: string): string {
    return `${this.prefix}${serviceName}`;
  }
}
