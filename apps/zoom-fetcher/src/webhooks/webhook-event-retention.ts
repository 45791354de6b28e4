import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { deleteInChunks, PeriodicPurge } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { WebhookEventEntity } from './webhook-event.entity';

/** Zoom retries a delivery for about 85 minutes (5, 20, 60): three days of events recognise any redelivery. */
export const WEBHOOK_EVENT_RETENTION_HOURS = 72;
const INTERVAL_MS = 600_000;

/** Deletes webhook events too old to be delivered again, so the dedupe table stays small. */
@Injectable()
export class WebhookEventRetention extends PeriodicPurge {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    logger: AppLogger,
  ) {
    super(logger.pino.child({ context: WebhookEventRetention.name }), 'webhook events', INTERVAL_MS);
  }

  /** Deletes, a chunk at a time, events received more than WEBHOOK_EVENT_RETENTION_HOURS ago; returns how many. */
  purge(): Promise<number> {
    const table = qualifiedTable(this.dataSource, WebhookEventEntity);
    return deleteInChunks(
      this.dataSource,
      `DELETE FROM ${table} WHERE id IN (
         SELECT id FROM ${table} WHERE received_at < now() - make_interval(hours => $1) LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      WEBHOOK_EVENT_RETENTION_HOURS,
    );
  }
}
