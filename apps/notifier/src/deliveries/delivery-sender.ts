import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotifiedWorkers } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, MetricsService, qualifiedTable, schemaOf } from '@zoom-oomnitza-sync/platform';
import { createTransport, Transporter } from 'nodemailer';
import { Logger } from 'pino';
import { Counter } from 'prom-client';
import { DataSource, LessThan, MoreThan } from 'typeorm';
import { IntegrationNameEntity } from '../integration-names/integration-name.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { NotifierEnvironment } from '../notifier.environment';
import { alertEmail } from './alert-email';
import { deliveriesChannelOf } from './deliveries-channel';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryEntity } from './delivery.entity';

/** How long a sender owns a delivery it is sending; after a crash another takes it over (the email may go twice). */
const SEND_LEASE_SECONDS = 120;
const MAX_RETRY_DELAY_MS = 3_600_000;

/**
 * NOTIFY_SEND_CONCURRENCY workers per replica send pending emails over SMTP, outside any
 * transaction: claim (SKIP LOCKED, with a lease), send, then record the attempt and its outcome.
 * A refusal or network error is retried with growing delays up to NOTIFY_MAX_ATTEMPTS.
 */
@Injectable()
export class DeliverySender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log: Logger;
  private readonly transport?: Transporter;
  private readonly workers: NotifiedWorkers;
  private readonly from: string;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly emails: Counter<'outcome'>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<NotifierEnvironment, true>,
    metrics: MetricsService,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: DeliverySender.name });
    const smtpUrl = config.get('SMTP_URL', { infer: true });
    this.transport = smtpUrl ? createTransport(smtpUrl) : undefined;
    this.from = config.get('NOTIFY_FROM_ADDRESS', { infer: true });
    this.maxAttempts = config.get('NOTIFY_MAX_ATTEMPTS', { infer: true });
    this.retryBaseMs = config.get('NOTIFY_RETRY_BASE_MS', { infer: true });
    this.emails = metrics.counter('notifier_email_attempts_total', 'Alert emails tried, by outcome', ['outcome']);
    this.workers = new NotifiedWorkers(dataSource, {
      channel: deliveriesChannelOf(schemaOf(dataSource, DeliveryEntity)),
      workers: this.transport ? config.get('NOTIFY_SEND_CONCURRENCY', { infer: true }) : 0,
      workOnce: () => this.sendNext(),
      log: this.log,
    });
  }

  onApplicationBootstrap(): void {
    if (!this.transport) {
      this.log.warn('SMTP_URL is not set: alerts become in-app notifications only, no email');
    }
    this.workers.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.workers.stop();
    this.transport?.close();
  }

  /** Sends the next due email; false when none is due. */
  async sendNext(): Promise<boolean> {
    const delivery = await this.claim();
    if (!delivery) {
      return false;
    }
    const notification = await this.dataSource.getRepository(NotificationEntity).findOneByOrFail({ id: delivery.notificationId });
    const heldBack = await this.heldBackBefore(delivery);
    const integration = await this.dataSource.getRepository(IntegrationNameEntity).findOneBy({ integrationId: delivery.integrationId });
    const email = alertEmail(notification, heldBack, integration?.name);
    let error: string | null = null;
    try {
      await this.transport!.sendMail({ from: this.from, to: delivery.email, subject: email.subject, text: email.text, html: email.html });
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    await this.record(delivery, heldBack, error);
    return true;
  }

  private async claim(): Promise<DeliveryEntity | undefined> {
    const table = qualifiedTable(this.dataSource, DeliveryEntity);
    const [rows] = (await this.dataSource.query(
      `UPDATE ${table} SET status = 'sending', attempts = attempts + 1, locked_until = now() + make_interval(secs => $1)
        WHERE id = (
          SELECT id FROM ${table}
           WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND locked_until < now())
           ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [SEND_LEASE_SECONDS],
    )) as [{ id: string }[], number];
    return rows.length === 0 ? undefined : this.dataSource.getRepository(DeliveryEntity).findOneByOrFail({ id: rows[0].id });
  }

  /** Repeats held back for this address since its previous email of the same alert. */
  private async heldBackBefore(delivery: DeliveryEntity): Promise<number> {
    // The recipient by address: a contact deleted since still has its deliveries, under the same address.
    const same = { email: delivery.email, integrationId: delivery.integrationId, kind: delivery.kind };
    const previous = await this.dataSource.getRepository(DeliveryEntity).findOne({
      where: { ...same, status: 'sent', createdAt: LessThan(delivery.createdAt) },
      order: { createdAt: 'DESC' },
    });
    return this.dataSource.getRepository(DeliveryEntity).countBy({
      ...same,
      status: 'suppressed',
      createdAt: previous ? MoreThan(previous.createdAt) : LessThan(delivery.createdAt),
    });
  }

  private async record(delivery: DeliveryEntity, heldBack: number, error: string | null): Promise<void> {
    const outcome = error === null ? 'sent' : delivery.attempts >= this.maxAttempts ? 'failed' : 'retry';
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(DeliveryAttemptEntity, {
        deliveryId: delivery.id,
        attempt: delivery.attempts,
        attemptedAt: now,
        outcome,
        error,
      });
      await manager.update(
        DeliveryEntity,
        { id: delivery.id },
        {
          status: outcome === 'retry' ? 'pending' : outcome,
          lockedUntil: null,
          lastError: error,
          heldBack,
          sentAt: outcome === 'sent' ? now : null,
          nextAttemptAt: outcome === 'retry' ? new Date(now.getTime() + this.retryDelayMs(delivery.attempts)) : null,
        },
      );
    });
    this.emails.inc({ outcome });
    const fields = { deliveryId: delivery.id, integrationId: delivery.integrationId, kind: delivery.kind, attempt: delivery.attempts };
    if (error === null) {
      this.log.info(fields, 'alert email sent');
    } else {
      this.log.warn({ ...fields, error, outcome }, outcome === 'failed' ? 'alert email given up' : 'alert email failed; will retry');
    }
  }

  private retryDelayMs(attempts: number): number {
    return Math.min(MAX_RETRY_DELAY_MS, this.retryBaseMs * 2 ** (attempts - 1));
  }
}
