import { MessageHandler as NestMessageHandler } from '@nestjs/microservices';
import { MessageDefinition, MessageEnvelope } from '@zoom-oomnitza-sync/contracts';
import { TopicNames } from '../kafka/topic-names';
import { MESSAGE_HANDLER_EXTRAS, MessageHandlerExtras } from './message-handler.decorator';

/** Everything the consumer needs to process one subscribed topic. */
export interface HandlerRoute {
  /** Catalogue topic (the handler pattern). */
  topic: string;
  /** Kafka topic subscribed to, prefix included. */
  kafkaTopic: string;
  deadLetterTopic: string;
  definition: MessageDefinition;
  batch: boolean;
  /** Inbox consumer name. */
  consumer: string;
  /** Whether the handler has anything to do with a message; all when absent. */
  accepts?: (envelope: MessageEnvelope) => boolean;
  handler: NestMessageHandler;
}

export interface DiscoveredRoutes {
  /** By Kafka topic. */
  routes: Map<string, HandlerRoute>;
  /** Event patterns registered without @MessageHandler; this server does not serve them. */
  ignoredPatterns: string[];
}

/** Reads the @MessageHandler methods Nest registered on the server into routes. */
export function discoverHandlerRoutes(
  handlers: Map<string, NestMessageHandler>,
  topicNames: TopicNames,
  serviceName: string,
): DiscoveredRoutes {
  const routes = new Map<string, HandlerRoute>();
  const ignoredPatterns: string[] = [];
  for (const [pattern, handler] of handlers) {
    const extras = handler.extras?.[MESSAGE_HANDLER_EXTRAS] as MessageHandlerExtras | undefined;
    if (!handler.isEventHandler || !extras) {
      ignoredPatterns.push(pattern);
      continue;
    }
    if (handler.next) {
      // Nest chains same-pattern handlers into one call; they would share retries and dead-lettering.
      throw new Error(`Topic ${pattern} has more than one @MessageHandler in ${serviceName}; merge them into one handler`);
    }
    const { definition } = extras;
    routes.set(topicNames.resolve(definition.topic), {
      topic: definition.topic,
      kafkaTopic: topicNames.resolve(definition.topic),
      deadLetterTopic: topicNames.deadLetterOf(definition.topic),
      definition,
      batch: extras.batch,
      consumer: extras.consumer ?? serviceName,
      accepts: extras.accepts,
      handler,
    });
  }
  return { routes, ignoredPatterns };
}
