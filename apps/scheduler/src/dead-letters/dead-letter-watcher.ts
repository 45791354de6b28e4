import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  allTopics,
  deadLetterTopicOf,
  OomnitzaRecordsUpsert,
  OomnitzaRecordsWritten,
  RunProgress,
  SyncRunRequested,
  ZoomUsersPage,
} from '@zoom-oomnitza-sync/contracts';
import { KafkaClient, TopicNames } from '@zoom-oomnitza-sync/messaging';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { Consumer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from 'pino';
import { DeadLetteredRuns } from './dead-lettered-runs';
import { DeadLetterLog } from './dead-letter-log';

const RESTART_DELAY_MS = 5_000;

/** The messages a run is made of: one of them dead-lettered means the run cannot complete. */
const RUN_MESSAGES = [SyncRunRequested, ZoomUsersPage, OomnitzaRecordsUpsert, OomnitzaRecordsWritten, RunProgress];

/**
 * Reads every dead-letter topic, in a consumer group of its own: each record is kept for operators
 * to list and replay (DeadLetterLog), and a record of a run's message fails that run at once.
 */
@Injectable()
export class DeadLetterWatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log: Logger;
  private consumer?: Consumer;
  private stopped = false;

  constructor(
    private readonly kafka: KafkaClient,
    private readonly topics: TopicNames,
    private readonly runs: DeadLetteredRuns,
    private readonly deadLetters: DeadLetterLog,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: DeadLetterWatcher.name });
  }

  /** Starts in the background: the service does not wait for Kafka, and a failed start is tried again. */
  onApplicationBootstrap(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    while (!this.stopped) {
      const consumer = this.kafka.consumer({
        groupId: this.topics.consumerGroupOf('scheduler.dead-letters'),
        allowAutoTopicCreation: false,
      });
      this.consumer = consumer;
      try {
        await consumer.connect();
        const runTopics = new Set(RUN_MESSAGES.map((message) => this.topics.resolve(deadLetterTopicOf(message.topic))));
        const topics = allTopics()
          .filter((topic) => topic.endsWith(deadLetterTopicOf('')))
          .map((topic) => this.topics.resolve(topic));
        await consumer.subscribe({ topics, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ topic, partition, message }) => {
            const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString()]));
            await this.deadLetters.record({ topic, partition, offset: message.offset, key: message.key, value: message.value, headers });
            if (runTopics.has(topic)) {
              await this.runs.apply({ value: message.value, headers });
            }
          },
        });
        this.log.info('watching the dead-letter topics');
        return;
      } catch (error) {
        this.log.warn({ err: error }, 'could not watch the dead-letter topics yet; trying again');
        await consumer.disconnect().catch(() => undefined);
        await sleep(RESTART_DELAY_MS);
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect();
  }
}
