import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadLetterHeaders } from '@zoom-oomnitza-sync/contracts';
import { MetricsService, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { DeadLetterEntity } from './dead-letter.entity';

/** A record as read from a dead-letter topic. */
export interface ReadDeadLetter {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string | undefined>;
}

/** What the envelope of a dead-lettered record says of itself, when it is one. */
function envelopeFieldsOf(value: Buffer | null): Record<string, string | null> {
  try {
    const parsed = JSON.parse(value?.toString('utf8') ?? '') as Record<string, unknown>;
    const text = (field: string) => (typeof parsed[field] === 'string' ? (parsed[field] as string) : null);
    return { tenantId: text('tenantId'), integrationId: text('integrationId'), messageId: text('messageId'), messageType: text('type') };
  } catch {
    return { tenantId: null, integrationId: null, messageId: null, messageType: null };
  }
}

/**
 * Keeps every record of the dead-letter topics in `dead_letters`, once each (by topic, partition
 * and offset), with what its headers and envelope say; and the gauge of how many wait per topic.
 */
@Injectable()
export class DeadLetterLog {
  private readonly waiting: Gauge<'topic'>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    metrics: MetricsService,
  ) {
    this.waiting = metrics.gauge('scheduler_dead_letters_waiting', 'Dead-lettered records never replayed, by original topic', ['topic']);
  }

  async record(read: ReadDeadLetter): Promise<void> {
    const headers = Object.fromEntries(Object.entries(read.headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const failedAt = Date.parse(headers[DeadLetterHeaders.failedAt] ?? '');
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(DeadLetterEntity)
      .values({
        dlqTopic: read.topic,
        dlqPartition: read.partition,
        dlqOffset: read.offset,
        originalTopic: headers[DeadLetterHeaders.originalTopic] ?? null,
        consumerGroup: headers[DeadLetterHeaders.consumerGroup] ?? null,
        errorKind: headers[DeadLetterHeaders.errorKind] ?? null,
        error: headers[DeadLetterHeaders.error] ?? null,
        ...envelopeFieldsOf(read.value),
        messageKey: read.key?.toString('utf8') ?? null,
        value: read.value,
        headers,
        failedAt: Number.isNaN(failedAt) ? null : new Date(failedAt),
      })
      .orIgnore()
      .execute();
    await this.refreshGauge();
  }

  async refreshGauge(): Promise<void> {
    const rows = (await this.dataSource.query(
      `SELECT original_topic AS topic, count(*) FILTER (WHERE replayed_at IS NULL)::int AS waiting
         FROM ${qualifiedTable(this.dataSource, DeadLetterEntity)} GROUP BY original_topic`,
    )) as { topic: string | null; waiting: number }[];
    for (const row of rows) {
      this.waiting.set({ topic: row.topic ?? 'unknown' }, row.waiting);
    }
  }
}
