import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { Consumer, ConsumerEvents, EachBatchPayload, InstrumentationEvent } from 'kafkajs';
import { Logger } from 'pino';
import { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, ResolvedMessagingOptions } from '../config/messaging-options';
import { MESSAGING_SETTINGS, MessagingSettings } from '../config/messaging-settings';
import { KafkaClient } from '../kafka/kafka-client';
import { TopicBootstrapper } from '../kafka/topic-bootstrapper';
import { TopicNames } from '../kafka/topic-names';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { discoverHandlerRoutes, HandlerRoute } from './handler-routes';
import { MessageProcessor } from './message-processor';
import { ProcessingInterrupted } from './pause-with-heartbeat';
import { ConsumerHealth } from './consumer-health';
import { OffsetCommits } from './offset-commits';

const FETCH_MAX_WAIT_MS = 1_000;

export type KafkaConsumerStatus = 'connecting' | 'connected' | 'stopping' | 'disconnected';

/** kafkajs consumer instrumentation events ('consumer.start_batch_process', ...) by name. */
export type KafkaConsumerEvents = Record<ConsumerEvents[keyof ConsumerEvents], (event: InstrumentationEvent<unknown>) => void>;
type ConsumerEventListener = [keyof KafkaConsumerEvents, KafkaConsumerEvents[keyof KafkaConsumerEvents]];

/**
 * The service's Kafka consumer as a Nest transport: one consumer group per service
 * (`<prefix><serviceName>`) subscribed to the topics of every @MessageHandler. Connect it with
 * `app.connectMicroservice({ strategy: app.get(KafkaConsumerServer) })`.
 */
@Injectable()
export class KafkaConsumerServer
  extends Server<KafkaConsumerEvents, KafkaConsumerStatus>
  implements CustomTransportStrategy, OnModuleDestroy
{
  private readonly log: Logger;
  private consumer?: Consumer;
  private offsetCommits?: OffsetCommits;
  private stopping = false;
  private readonly eventListeners: ConsumerEventListener[] = [];

  constructor(
    private readonly kafka: KafkaClient,
    private readonly topicNames: TopicNames,
    private readonly topicBootstrapper: TopicBootstrapper,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly dataSource: DataSource,
    private readonly metrics: MessagingMetrics,
    private readonly health: ConsumerHealth,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    logger: AppLogger,
  ) {
    super();
    this.log = logger.pino.child({ context: KafkaConsumerServer.name });
  }

  get consumerGroup(): string {
    return this.topicNames.consumerGroupOf(this.options.serviceName);
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  /** Intake stops first when the service shuts down, before the outbox relay drains. */
  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  /** Commits what was applied, stops fetching, lets the batches in progress finish and commit, then leaves the group. */
  async close(): Promise<void> {
    this.stopping = true;
    this._status$.next('stopping');
    const consumer = this.consumer;
    this.consumer = undefined;
    await this.offsetCommits?.flush();
    await consumer?.disconnect();
    await this.deadLetters.disconnect();
    this._status$.next('disconnected');
  }

  /** Listens to a kafkajs consumer event; may be called before the consumer exists (it is attached when created). */
  on<K extends keyof KafkaConsumerEvents>(event: K, listener: KafkaConsumerEvents[K]): void {
    this.eventListeners.push([event, listener]);
    if (this.consumer) {
      attachListener(this.consumer, [event, listener]);
    }
  }

  unwrap<T>(): T {
    if (!this.consumer) {
      throw new Error('KafkaConsumerServer is not listening');
    }
    return this.consumer as T;
  }

  private async start(): Promise<void> {
    const { routes, ignoredPatterns } = discoverHandlerRoutes(this.getHandlers(), this.topicNames, this.options.serviceName);
    if (ignoredPatterns.length > 0) {
      this.log.warn({ patterns: ignoredPatterns }, 'event patterns without @MessageHandler are not consumed from Kafka');
    }
    if (routes.size === 0) {
      this.log.info('no message handlers; not joining a consumer group');
      this._status$.next('connected');
      return;
    }
    this.stopping = false;
    this._status$.next('connecting');
    await this.topicBootstrapper.ensureConfiguredTopics();
    await this.deadLetters.connect();
    const processor = this.createProcessor();
    this.offsetCommits = new OffsetCommits(this.settings.commitIntervalMs, this.log);
    const consumer = this.kafka.consumer({
      groupId: this.consumerGroup,
      allowAutoTopicCreation: false,
      sessionTimeout: this.settings.sessionTimeoutMs,
      heartbeatInterval: Math.min(3000, Math.floor(this.settings.sessionTimeoutMs / 3)),
      // An idle fetch waits this long for data, and stopping waits for the fetch: keep shutdown quick.
      maxWaitTimeInMs: FETCH_MAX_WAIT_MS,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => this.health.crashed(payload.error, payload.restart));
    for (const listener of this.eventListeners) {
      attachListener(consumer, listener);
    }
    await consumer.connect();
    // A new group starts at the beginning: messages produced before the service first ran still count.
    await consumer.subscribe({ topics: [...routes.keys()], fromBeginning: true });
    // close() may have run while connecting; it has disconnected this consumer, which must not start now.
    if (this.stopping) {
      return;
    }
    await consumer.run({
      // Offsets are committed by OffsetCommits: at intervals, not after every batch.
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.consumeBatch(routes, processor, payload),
    });
    this.log.info({ groupId: this.consumerGroup, topics: [...routes.keys()] }, 'consuming');
    this._status$.next('connected');
  }

  private createProcessor(): MessageProcessor {
    return new MessageProcessor({
      dataSource: this.dataSource,
      deadLetters: this.deadLetters,
      metrics: this.metrics,
      settings: this.settings,
      logger: this.log,
      consumerGroup: this.consumerGroup,
      toObservable: (result) => this.transformToObservable(result) as Observable<unknown>,
      stopping: () => this.stopping,
    });
  }

  private async consumeBatch(routes: Map<string, HandlerRoute>, processor: MessageProcessor, payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isStale } = payload;
    const route = routes.get(batch.topic);
    if (!route) {
      throw new Error(`received a batch of ${batch.topic}, which has no handler`);
    }
    const work = { partition: batch.partition, heartbeat, resolveOffset, isStale };
    let deadLettered = 0;
    try {
      deadLettered = route.batch
        ? await processor.processBatch(route, work, batch.messages)
        : await processor.processEach(route, work, batch.messages);
    } catch (error) {
      // Stopping mid-retry: what is resolved gets committed, the rest is redelivered later.
      if (!(error instanceof ProcessingInterrupted)) {
        throw error;
      }
    }
    await this.offsetCommits?.afterBatch(payload, deadLettered > 0 || this.stopping);
    this.metrics.consumerLag.set({ topic: batch.topic, partition: String(batch.partition) }, Number(batch.offsetLag()));
  }
}

function attachListener(consumer: Consumer, [event, listener]: ConsumerEventListener): void {
  // kafkajs types `on` as one overload per event name; the names here are checked against ConsumerEvents.
  (consumer.on as (name: string, callback: (event: InstrumentationEvent<unknown>) => void) => void)(event, listener);
}
