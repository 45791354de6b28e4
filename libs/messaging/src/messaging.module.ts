import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger, ServiceIdentity } from '@zoom-oomnitza-sync/platform';
import { MESSAGING_OPTIONS, MessagingModuleOptions, ResolvedMessagingOptions, resolveMessagingOptions } from './config/messaging-options';
import { MESSAGING_SETTINGS, MessagingSettings, readMessagingSettings } from './config/messaging-settings';
import { DeadLetterPublisher } from './consumer/dead-letter-publisher';
import { KafkaConsumerServer } from './consumer/kafka-consumer.server';
import { MessagingHousekeeping } from './housekeeping/messaging-housekeeping';
import { createKafkaClient, KafkaClient } from './kafka/kafka-client';
import { KafkaReadiness } from './kafka/kafka-readiness';
import { TopicBootstrapper } from './kafka/topic-bootstrapper';
import { TopicNames } from './kafka/topic-names';
import { MessagingMetrics } from './metrics/messaging-metrics';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxCommits } from './outbox/outbox-commits';
import { TransactionCommits } from './persistence/transaction-commits';
import { OutboxService } from './outbox/outbox.service';
import { ConsumerHealth } from './consumer/consumer-health';

/**
 * Kafka messaging for one service: outbox + relay for producing, the consumer transport with
 * inbox, retries and dead-lettering for consuming. Needs ConfigModule, the service's TypeORM
 * DataSource and the platform providers (ServiceIdentity, MetricsService, ReadinessRegistry, AppLogger).
 */
@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions = {}): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        {
          provide: MESSAGING_OPTIONS,
          useFactory: (identity: ServiceIdentity) => resolveMessagingOptions(options, identity),
          inject: [ServiceIdentity],
        },
        { provide: MESSAGING_SETTINGS, useFactory: readMessagingSettings, inject: [ConfigService] },
        {
          provide: KafkaClient,
          useFactory: (settings: MessagingSettings, resolved: ResolvedMessagingOptions, logger: AppLogger) =>
            createKafkaClient(settings, resolved.serviceName, logger),
          inject: [MESSAGING_SETTINGS, MESSAGING_OPTIONS, AppLogger],
        },
        {
          provide: TopicNames,
          useFactory: (settings: MessagingSettings) => new TopicNames(settings.topicPrefix),
          inject: [MESSAGING_SETTINGS],
        },
        TopicBootstrapper,
        KafkaReadiness,
        MessagingMetrics,
        TransactionCommits,
        OutboxService,
        OutboxCommits,
        OutboxRelay,
        MessagingHousekeeping,
        DeadLetterPublisher,
        ConsumerHealth,
        KafkaConsumerServer,
      ],
      exports: [
        TransactionCommits,
        OutboxService,
        OutboxRelay,
        TopicNames,
        TopicBootstrapper,
        KafkaClient,
        KafkaConsumerServer,
        MessagingMetrics,
        MESSAGING_SETTINGS,
      ],
    };
  }
}
