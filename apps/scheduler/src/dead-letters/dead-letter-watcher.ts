import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
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

const RESTART_DELAY_MS = 5_000;

/** The messages a run is made of: one of them dead-lettered means the run cannot complete. */
const RUN_MESSAGES = [SyncRunRequested, ZoomUsersPage, OomnitzaRecordsUpsert, OomnitzaRecordsWritten, RunProgress];

/** Reads the dead-letter topics of a run's messages, in a consumer group of its own. */
@Injectable()
export class DeadLetterWatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: Logger;
  private consumer?: Consumer;
  private stopped = false;

  constructor(
    private readonly kafka: KafkaClient,
    private readonly topics: TopicNames,
    private readonly runs: DeadLetteredRuns,
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
        const topics = RUN_MESSAGES.map((message) => this.topics.resolve(deadLetterTopicOf(message.topic)));
        await consumer.subscribe({ topics, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ message }) => {
            const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString()]));
            await this.runs.apply({ value: message.value, headers });
          },
        });
        this.log.info('watching the dead-letter topics of run messages');
        return;
      } catch (error) {
        this.log.warn({ err: error }, 'could not watch the dead-letter topics yet; trying again');
        await consumer.disconnect().catch(() => undefined);
        await sleep(RESTART_DELAY_MS);
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect();
  }
}
