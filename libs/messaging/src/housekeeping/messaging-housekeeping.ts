import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppLogger, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { MESSAGING_SETTINGS, MessagingSettings } from '../config/messaging-settings';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { InboxMessageEntity } from '../persistence/inbox-message.entity';
import { OutboxMessageEntity } from '../persistence/outbox-message.entity';
import { deleteInChunks } from './delete-in-chunks';

const INTERVAL_MS = 10_000;

/**
 * Keeps the messaging tables small and the backlog gauge fresh: deletes outbox rows published
 * more than OUTBOX_RETENTION_HOURS ago and inbox rows older than INBOX_RETENTION_DAYS (which must
 * exceed the topics' retention, or a replay from Kafka could apply a message twice).
 */
@Injectable()
export class MessagingHousekeeping implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log: Logger;
  private timer?: NodeJS.Timeout;
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    private readonly metrics: MessagingMetrics,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: MessagingHousekeeping.name });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.queued === 0) {
        void this.runOnce();
      }
    }, INTERVAL_MS);
    this.timer.unref();
    void this.runOnce();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.queue;
  }

  /** A full pass that starts after any pass in progress (which may have missed the latest rows). */
  runOnce(): Promise<void> {
    this.queued += 1;
    const pass = this.queue
      .then(() => this.pass())
      .finally(() => {
        this.queued -= 1;
      });
    this.queue = pass;
    return pass;
  }

  private async pass(): Promise<void> {
    try {
      await this.refreshBacklog();
      const outbox = qualifiedTable(this.dataSource, OutboxMessageEntity);
      await deleteInChunks(
        this.dataSource,
        `DELETE FROM ${outbox} WHERE id IN (
           SELECT id FROM ${outbox} WHERE published_at < now() - ($1 * interval '1 hour')
            LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        this.settings.outboxRetentionHours,
      );
      const inbox = qualifiedTable(this.dataSource, InboxMessageEntity);
      await deleteInChunks(
        this.dataSource,
        `DELETE FROM ${inbox} WHERE (message_id, consumer) IN (
           SELECT message_id, consumer FROM ${inbox} WHERE processed_at < now() - ($1 * interval '1 day')
            LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        this.settings.inboxRetentionDays,
      );
    } catch (error) {
      this.log.warn({ error: error instanceof Error ? error.message : String(error) }, 'messaging housekeeping failed');
    }
  }

  private async refreshBacklog(): Promise<void> {
    const [{ backlog }] = await this.dataSource.query(
      `SELECT count(*)::int AS backlog FROM ${qualifiedTable(this.dataSource, OutboxMessageEntity)} WHERE published_at IS NULL`,
    );
    this.metrics.outboxBacklog.set(backlog);
  }
}
