import { MessageHeaders } from '@zoom-oomnitza-sync/contracts';
import { CorrelationContext } from '@zoom-oomnitza-sync/platform';
import { KafkaMessage } from 'kafkajs';
import { Logger } from 'pino';
import { lastValueFrom, Observable } from 'rxjs';
import { DataSource, QueryRunner } from 'typeorm';
import { MessagingSettings } from '../config/messaging-settings';
import { DeadLetterReason, HandlerOutcome, MessagingMetrics } from '../metrics/messaging-metrics';
import { ConsumedMessage } from './consumed-message';
import { buildDeadLetterMessage } from './dead-letter-message';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { describeError } from './describe-error';
import { HandlerRoute } from './handler-routes';
import { claimUnprocessed } from './inbox-records';
import { KafkaMessageContext } from './kafka-message.context';
import { DecodedMessage, decodeMessage } from './message-decoder';
import { pauseWithHeartbeat } from './pause-with-heartbeat';
import { deadLetterReasonFor, retryDelayMs } from './retry-policy';

/** The partition being worked on, as kafkajs's eachBatch exposes it. */
export interface PartitionWork {
  partition: number;
  heartbeat: () => Promise<void>;
  /** Marks the record and everything before it on the partition as done. */
  resolveOffset: (offset: string) => void;
  isStale: () => boolean;
}

export interface MessageProcessorDependencies {
  dataSource: DataSource;
  deadLetters: DeadLetterPublisher;
  metrics: MessagingMetrics;
  settings: MessagingSettings;
  logger: Logger;
  consumerGroup: string;
  /** Turns a Nest handler's result (value, promise or observable) into an observable. */
  toObservable: (result: unknown) => Observable<unknown>;
  stopping: () => boolean;
}

/** The database could not start or record the attempt: not the message's fault, so it never counts as an attempt. */
class InfrastructureFailure extends Error {
  constructor(cause: unknown) {
    super(describeError(cause), { cause });
    this.name = 'InfrastructureFailure';
  }
}

/**
 * Applies consumed records: validate, then in one transaction record them in the inbox and run the
 * handler; retry failures with backoff; dead-letter what cannot be applied so the partition moves on.
 */
export class MessageProcessor {
  constructor(private readonly deps: MessageProcessorDependencies) {}

  /** Per-message handler: every record separately, resolving each once it is settled. Returns how many were dead-lettered. */
  async processEach(route: HandlerRoute, work: PartitionWork, records: KafkaMessage[]): Promise<number> {
    let deadLettered = 0;
    for (const record of records) {
      if (work.isStale()) {
        return deadLettered;
      }
      const decoded = await decodeMessage(route.definition, record);
      if (decoded.valid && !this.accepted(route, decoded.message)) {
        this.deps.metrics.passedOver.inc({ topic: route.kafkaTopic });
      } else if (decoded.valid) {
        deadLettered += (await this.applyWithRetries(route, work, decoded.message)) ? 0 : 1;
      } else {
        await this.deadLetter(route, work.partition, record, {
          reason: 'invalid-message',
          error: decoded.problems.join('; '),
          attempts: 0,
        });
        deadLettered += 1;
      }
      work.resolveOffset(record.offset);
      await work.heartbeat();
    }
    return deadLettered;
  }

  /**
   * Batch handler: all valid new records in one transaction. If that fails, one by one, so a
   * poison record is retried and dead-lettered alone. Returns how many were dead-lettered.
   */
  async processBatch(route: HandlerRoute, work: PartitionWork, records: KafkaMessage[]): Promise<number> {
    if (records.length === 0 || work.isStale()) {
      return 0;
    }
    let deadLettered = 0;
    const valid: DecodedMessage[] = [];
    for (const record of records) {
      const decoded = await decodeMessage(route.definition, record);
      if (decoded.valid && !this.accepted(route, decoded.message)) {
        this.deps.metrics.passedOver.inc({ topic: route.kafkaTopic });
      } else if (decoded.valid) {
        valid.push(decoded.message);
      } else {
        await this.deadLetter(route, work.partition, record, {
          reason: 'invalid-message',
          error: decoded.problems.join('; '),
          attempts: 0,
        });
        deadLettered += 1;
      }
    }
    if (valid.length > 0) {
      try {
        await this.attempt(route, work, valid, 1);
      } catch (error) {
        this.deps.logger.warn(
          { topic: route.kafkaTopic, partition: work.partition, size: valid.length, error: describeError(error) },
          'batch handler failed; applying the batch one message at a time',
        );
        for (const message of valid) {
          if (work.isStale()) {
            return deadLettered;
          }
          deadLettered += (await this.applyWithRetries(route, work, message)) ? 0 : 1;
          work.resolveOffset(message.record.offset);
          await work.heartbeat();
        }
      }
    }
    work.resolveOffset(records[records.length - 1].offset);
    await work.heartbeat();
    return deadLettered;
  }

  /** Whether the handler has anything to do with the message (see MessageHandlerOptions.accepts). */
  private accepted(route: HandlerRoute, message: DecodedMessage): boolean {
    return route.accepts === undefined || route.accepts(message.envelope);
  }

  /** True once applied; false when dead-lettered instead. */
  private async applyWithRetries(route: HandlerRoute, work: PartitionWork, message: DecodedMessage): Promise<boolean> {
    const { maxAttempts, retryBaseMs, retryMaxMs } = this.deps.settings;
    let attempt = 1;
    let infrastructureFailures = 0;
    for (;;) {
      try {
        await this.attempt(route, work, [message], attempt);
        return true;
      } catch (error) {
        if (error instanceof InfrastructureFailure) {
          infrastructureFailures += 1;
          this.deps.logger.warn(
            { topic: route.kafkaTopic, partition: work.partition, offset: message.record.offset, error: error.message },
            'database unavailable while consuming; waiting',
          );
          await pauseWithHeartbeat(retryDelayMs(infrastructureFailures, retryBaseMs, retryMaxMs), work.heartbeat, this.deps.stopping);
          continue;
        }
        const reason = deadLetterReasonFor(error, attempt, maxAttempts);
        if (reason) {
          await this.deadLetter(route, work.partition, message.record, { reason, error: describeError(error), attempts: attempt });
          return false;
        }
        this.deps.metrics.retries.inc({ topic: route.kafkaTopic });
        this.deps.logger.warn(
          { topic: route.kafkaTopic, partition: work.partition, offset: message.record.offset, attempt, error: describeError(error) },
          'message handler failed; retrying',
        );
        await pauseWithHeartbeat(retryDelayMs(attempt, retryBaseMs, retryMaxMs), work.heartbeat, this.deps.stopping);
        attempt += 1;
      }
    }
  }

  /** One transaction: inbox claim, handler, commit. Throws the handler's error as is. */
  private async attempt(route: HandlerRoute, work: PartitionWork, messages: DecodedMessage[], attempt: number): Promise<void> {
    const started = process.hrtime.bigint();
    let outcome: HandlerOutcome = 'failed';
    const queryRunner = await this.begin();
    try {
      const fresh = await claimUnprocessed(
        queryRunner.manager,
        { consumer: route.consumer, topic: route.kafkaTopic, partition: work.partition },
        messages,
      ).catch((error: unknown) => Promise.reject(new InfrastructureFailure(error)));
      if (fresh.length > 0) {
        await this.invoke(route, work, queryRunner, fresh, attempt);
      }
      await queryRunner.commitTransaction();
      outcome = fresh.length > 0 ? 'processed' : 'duplicate';
      this.measureDelivery(route, fresh);
    } finally {
      if (queryRunner.isTransactionActive) {
        await queryRunner.rollbackTransaction().catch(() => undefined);
      }
      await queryRunner.release();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.deps.metrics.handlerDuration.observe({ topic: route.kafkaTopic, outcome }, seconds);
    }
  }

  private measureDelivery(route: HandlerRoute, applied: DecodedMessage[]): void {
    const now = Date.now();
    for (const { envelope } of applied) {
      this.deps.metrics.deliveryLatency.observe({ topic: route.kafkaTopic }, Math.max(0, now - Date.parse(envelope.occurredAt)) / 1000);
    }
  }

  private async begin(): Promise<QueryRunner> {
    const queryRunner = this.deps.dataSource.createQueryRunner();
    try {
      await queryRunner.connect();
      await queryRunner.startTransaction();
      return queryRunner;
    } catch (error) {
      await queryRunner.release().catch(() => undefined);
      throw new InfrastructureFailure(error);
    }
  }

  private async invoke(
    route: HandlerRoute,
    work: PartitionWork,
    queryRunner: QueryRunner,
    messages: DecodedMessage[],
    attempt: number,
  ): Promise<void> {
    const consumed = messages.map((message): ConsumedMessage => ({
      envelope: message.envelope,
      manager: queryRunner.manager,
      topic: route.kafkaTopic,
      partition: work.partition,
      offset: message.record.offset,
      headers: message.headers,
      attempt,
    }));
    const context = new KafkaMessageContext([route.kafkaTopic, work.partition, consumed.map((message) => message.offset)]);
    // A batch has no single correlation id; each message keeps its own in its headers.
    const correlationId = route.batch ? undefined : consumed[0].headers[MessageHeaders.correlationId];
    await CorrelationContext.run(correlationId, async () => {
      const result = await route.handler(route.batch ? consumed : consumed[0], context);
      await lastValueFrom(this.deps.toObservable(result), { defaultValue: undefined });
    });
  }

  private async deadLetter(
    route: HandlerRoute,
    partition: number,
    record: KafkaMessage,
    failure: { reason: DeadLetterReason; error: string; attempts: number },
  ): Promise<void> {
    const message = buildDeadLetterMessage(
      { topic: route.kafkaTopic, partition, message: record, consumerGroup: this.deps.consumerGroup },
      failure,
      new Date(),
    );
    await this.deps.deadLetters.publish(route.deadLetterTopic, message);
    this.deps.metrics.deadLettered.inc({ topic: route.kafkaTopic, reason: failure.reason });
    this.deps.logger.warn(
      {
        topic: route.kafkaTopic,
        partition,
        offset: record.offset,
        reason: failure.reason,
        attempts: failure.attempts,
        error: failure.error,
      },
      'message dead-lettered',
    );
  }
}
