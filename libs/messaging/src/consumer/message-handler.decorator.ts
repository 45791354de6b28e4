import { applyDecorators, UseFilters } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { MessageDefinition, MessageEnvelope } from '@zoom-oomnitza-sync/contracts';
import { HandlerErrorPassthroughFilter } from './handler-error-passthrough.filter';

export interface MessageHandlerOptions<TPayload extends object = object> {
  /** Receive ConsumedMessage[] (all new messages of a fetched batch, one transaction) instead of one message. */
  batch?: boolean;
  /** Name under which the inbox records applied messages; defaults to the service name. */
  consumer?: string;
  /**
   * The messages the handler has something to do with. The others are passed over: no
   * transaction, no inbox row, only their offset (and `messaging_passed_over_total`).
   */
  accepts?: (envelope: MessageEnvelope<TPayload>) => boolean;
}

/** Key of the handler extras the consumer server reads back from Nest's handler registry. */
export const MESSAGE_HANDLER_EXTRAS = 'zoomOomnitzaSyncMessageHandler';

export interface MessageHandlerExtras {
  definition: MessageDefinition;
  batch: boolean;
  consumer?: string;
  accepts?: (envelope: MessageEnvelope) => boolean;
}

/**
 * Marks a controller method as the handler of one message kind. The method receives a
 * ConsumedMessage (or an array of them with `batch: true`); throwing makes the consumer retry,
 * throwing PermanentMessageError dead-letters the message at once.
 */
export function MessageHandler<TPayload extends object>(
  definition: MessageDefinition<TPayload>,
  options: MessageHandlerOptions<TPayload> = {},
): MethodDecorator {
  const extras: MessageHandlerExtras = {
    definition,
    batch: options.batch ?? false,
    consumer: options.consumer,
    accepts: options.accepts as MessageHandlerExtras['accepts'],
  };
  return applyDecorators(
    EventPattern(definition.topic, { [MESSAGE_HANDLER_EXTRAS]: extras }),
    UseFilters(new HandlerErrorPassthroughFilter()),
  );
}
