import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { MessageDefinition } from './envelope/message-definition';
import { MessageEnvelope } from './envelope/message-envelope';

const VALIDATION = { stopAtFirstError: true } as const;

export class InvalidMessageError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid message: ${problems.join('; ')}`);
    this.name = 'InvalidMessageError';
  }
}

function describe(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((error) => {
    const at = path ? `${path}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${at}: ${message}`);
    return [...own, ...describe(error.children ?? [], at)];
  });
}

/**
 * Turns a decoded JSON value into a checked envelope of the given message kind, or throws
 * InvalidMessageError naming every problem (type, version, envelope fields, payload fields).
 */
export async function parseMessage<TValue extends object>(
  definition: MessageDefinition<TValue>,
  raw: unknown,
): Promise<MessageEnvelope<TValue>> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidMessageError(['message is not a JSON object']);
  }
  const envelope = plainToInstance(MessageEnvelope, raw) as MessageEnvelope<TValue>;
  const problems = describe(await validate(envelope, VALIDATION));
  if (envelope.type !== definition.type) {
    problems.push(`type: expected ${definition.type}, got ${String(envelope.type)}`);
  }
  if (envelope.version !== definition.version) {
    problems.push(`version: expected ${definition.version}, got ${String(envelope.version)}`);
  }
  if (typeof envelope.payload === 'object' && envelope.payload !== null) {
    envelope.payload = plainToInstance(definition.value, envelope.payload);
    problems.push(...describe(await validate(envelope.payload, VALIDATION), 'payload'));
  }
  if (problems.length > 0) {
    throw new InvalidMessageError(problems);
  }
  return envelope;
}
