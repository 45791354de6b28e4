import { IHeaders, KafkaMessage } from 'kafkajs';

/** A consumed Kafka record with its key, value and headers decoded as UTF-8. */
export interface ReadMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
  /** The value parsed as JSON. */
  json<T = unknown>(): T;
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([name, value]) => {
      if (value === undefined) {
        return [];
      }
      const first = Array.isArray(value) ? value[0] : value;
      return [[name, first.toString()]];
    }),
  );
}

export function toReadMessage(topic: string, partition: number, message: KafkaMessage): ReadMessage {
  const value = message.value?.toString() ?? null;
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value,
    headers: decodeHeaders(message.headers),
    json: <T>() => {
      if (value === null) {
        throw new Error(`Message ${topic}/${partition}@${message.offset} has no value`);
      }
      return JSON.parse(value) as T;
    },
  };
}
