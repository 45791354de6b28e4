import { InvalidMessageError, MessageDefinition, MessageEnvelope, parseMessage } from '@zoom-oomnitza-sync/contracts';
import { IHeaders, KafkaMessage } from 'kafkajs';

/** A record whose value parsed and validated as an envelope of the expected kind. */
export interface DecodedMessage<TPayload extends object = object> {
  envelope: MessageEnvelope<TPayload>;
  headers: Record<string, string>;
  record: KafkaMessage;
}

export type DecodeResult<TPayload extends object> =
  { valid: true; message: DecodedMessage<TPayload> } | { valid: false; problems: string[] };

export async function decodeMessage<TPayload extends object>(
  definition: MessageDefinition<TPayload>,
  record: KafkaMessage,
): Promise<DecodeResult<TPayload>> {
  if (!record.value || record.value.length === 0) {
    return { valid: false, problems: ['message has no value'] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(record.value.toString('utf8'));
  } catch {
    return { valid: false, problems: ['value is not valid JSON'] };
  }
  try {
    const envelope = await parseMessage(definition, raw);
    return { valid: true, message: { envelope, headers: decodeHeaders(record.headers), record } };
  } catch (error) {
    if (error instanceof InvalidMessageError) {
      return { valid: false, problems: error.problems };
    }
    throw error;
  }
}

export function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) {
      decoded[name] = last.toString();
    }
  }
  return decoded;
}
