import { MessageEnvelope } from '@zoom-oomnitza-sync/contracts';
import { EntityManager } from 'typeorm';

/**
 * What a @MessageHandler method receives. `manager` belongs to the transaction that also records
 * the message in the inbox: write every effect (and any outbox message) through it.
 */
export interface ConsumedMessage<TPayload extends object = object> {
  envelope: MessageEnvelope<TPayload>;
  manager: EntityManager;
  /** The Kafka topic, prefix included. */
  topic: string;
  partition: number;
  offset: string;
  headers: Record<string, string>;
  /** 1 on first delivery to the handler, higher on retries. */
  attempt: number;
}
