import { MessageDefinition, MessageEnvelope, MessageHeaders } from '@zoom-oomnitza-sync/contracts';

export interface PublishInput<TPayload extends object> {
  tenantId: string;
  integrationId: string;
  runId?: string;
  /** When the data was read from Zoom; defaults to now. Consumers use it to refuse stale overwrites. */
  observedAt?: Date | string;
  payload: TPayload;
  /** Defaults to the current correlation context (the HTTP request or consumed message being handled). */
  correlationId?: string;
}

export function buildEnvelope<TPayload extends object>(
  definition: MessageDefinition<TPayload>,
  input: PublishInput<TPayload>,
  messageId: string,
  now: Date,
): MessageEnvelope<TPayload> {
  const observedAt = input.observedAt ?? now;
  return {
    messageId,
    type: definition.type,
    version: definition.version,
    tenantId: input.tenantId,
    integrationId: input.integrationId,
    ...(input.runId === undefined ? {} : { runId: input.runId }),
    occurredAt: now.toISOString(),
    observedAt: observedAt instanceof Date ? observedAt.toISOString() : observedAt,
    payload: input.payload,
  };
}

export function buildHeaders(envelope: Pick<MessageEnvelope, 'type' | 'version'>, correlationId: string): Record<string, string> {
  return {
    [MessageHeaders.correlationId]: correlationId,
    [MessageHeaders.messageType]: envelope.type,
    [MessageHeaders.messageVersion]: String(envelope.version),
  };
}
