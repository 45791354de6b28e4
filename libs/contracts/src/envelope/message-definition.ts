import { MessageEnvelope } from './message-envelope';

export type PayloadClass<TValue extends object> = new () => TValue;

/** One message kind: the topic it travels on, its type and version, and its payload DTO. */
export interface MessageDefinition<TValue extends object = object> {
  readonly topic: string;
  readonly type: string;
  readonly version: number;
  readonly value: PayloadClass<TValue>;
  /** The topic keeps each key's latest message for good (log compaction), so a read model of it can be built again from the start. */
  readonly compacted?: boolean;
}

export function defineMessage<TValue extends object>(definition: MessageDefinition<TValue>): MessageDefinition<TValue> {
  if (!definition.topic.endsWith(`.v${definition.version}`)) {
    throw new Error(`Topic ${definition.topic} must carry its version .v${definition.version}`);
  }
  return Object.freeze(definition);
}

export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/**
 * Every message is keyed by its integration id: one integration's events stay in order on one
 * partition while many integrations spread across partitions.
 */
export function messageKeyOf(envelope: Pick<MessageEnvelope, 'integrationId'>): string {
  return envelope.integrationId;
}
