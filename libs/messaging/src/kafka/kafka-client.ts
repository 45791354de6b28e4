import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { Kafka, logLevel } from 'kafkajs';
import { MessagingSettings } from '../config/messaging-settings';
import { pinoLogCreator } from './kafka-log-creator';
import { stopIdleRequestQueueLoop } from './kafkajs-request-queue';

/** The service's kafkajs client (one per process); producers, consumers and admins come from it. */
export class KafkaClient extends Kafka {}

export function createKafkaClient(settings: MessagingSettings, serviceName: string, logger: AppLogger): KafkaClient {
  stopIdleRequestQueueLoop();
  return new KafkaClient({
    clientId: settings.clientId ?? serviceName,
    brokers: settings.brokers,
    ssl: settings.security.ssl,
    sasl: settings.security.sasl,
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(logger.pino.child({ context: 'kafkajs' })),
  });
}
