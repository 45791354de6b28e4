import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadLetterHeaders } from '@zoom-oomnitza-sync/contracts';
import { KafkaClient } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, ProblemException } from '@zoom-oomnitza-sync/platform';
import { Producer } from 'kafkajs';
import { Logger } from 'pino';
import { DataSource, In, IsNull } from 'typeorm';
import { DeadLetterEntity } from './dead-letter.entity';
import { DeadLetterLog } from './dead-letter-log';

/** Which dead letters to replay: the ones named, or all of an integration's (optionally of one topic) not replayed yet. */
export interface ReplaySelection {
  ids?: string[];
  integrationId?: string;
  topic?: string;
}

const DEAD_LETTER_HEADER_NAMES = new Set<string>(Object.values(DeadLetterHeaders));

/**
 * Sends dead-lettered records back to their original topic, exactly as they were (key, value, and
 * headers without the dead-letter ones). The message keeps its id, so the consumer's inbox applies
 * it once however often it is replayed. A record set aside before it reached its topic (too large)
 * has no payload to send, and a record that is no envelope cannot be applied: both are refused.
 */
@Injectable()
export class DeadLetterReplayer implements OnModuleDestroy {
  private readonly log: Logger;
  private producer?: Promise<Producer>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaClient,
    private readonly deadLetters: DeadLetterLog,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: DeadLetterReplayer.name });
  }

  async onModuleDestroy(): Promise<void> {
    await (await this.producer)?.disconnect();
  }

  async replay(selection: ReplaySelection): Promise<{ replayed: string[] }> {
    const chosen = await this.select(selection);
    const unplayable = chosen.filter(
      (deadLetter) => !deadLetter.originalTopic || !deadLetter.messageId || deadLetter.errorKind === 'message-too-large',
    );
    if (unplayable.length > 0) {
      throw new ProblemException({
        status: 422,
        slug: 'dead-letter-not-replayable',
        title: 'Some dead letters cannot be replayed',
        detail: `Dead letters ${unplayable.map((deadLetter) => deadLetter.id).join(', ')} are no envelope, or were set aside without their payload: nothing was replayed.`,
      });
    }
    const producer = await this.connected();
    for (const deadLetter of chosen) {
      await producer.send({
        topic: deadLetter.originalTopic as string,
        acks: -1,
        messages: [
          {
            key: deadLetter.messageKey,
            value: deadLetter.value,
            headers: Object.fromEntries(Object.entries(deadLetter.headers).filter(([name]) => !DEAD_LETTER_HEADER_NAMES.has(name))),
          },
        ],
      });
      await this.dataSource
        .getRepository(DeadLetterEntity)
        .update({ id: deadLetter.id }, { replayedAt: new Date(), replays: () => 'replays + 1' });
      this.log.info(
        { deadLetterId: deadLetter.id, topic: deadLetter.originalTopic, messageId: deadLetter.messageId },
        'dead letter replayed',
      );
    }
    await this.deadLetters.refreshGauge();
    return { replayed: chosen.map((deadLetter) => deadLetter.id) };
  }

  private select({ ids, integrationId, topic }: ReplaySelection): Promise<DeadLetterEntity[]> {
    const withRecord = {
      value: true,
      headers: true,
      id: true,
      originalTopic: true,
      messageId: true,
      messageKey: true,
      errorKind: true,
    } as const;
    if (ids && ids.length > 0) {
      return this.dataSource.getRepository(DeadLetterEntity).find({ select: withRecord, where: { id: In(ids) }, order: { id: 'ASC' } });
    }
    return this.dataSource.getRepository(DeadLetterEntity).find({
      select: withRecord,
      where: { integrationId, replayedAt: IsNull(), ...(topic ? { originalTopic: topic } : {}) },
      order: { id: 'ASC' },
    });
  }

  private connected(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await producer.connect();
      return producer;
    })();
    return this.producer;
  }
}
