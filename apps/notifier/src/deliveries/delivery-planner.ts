import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { notifyChannel } from '@zoom-oomnitza-sync/messaging';
import { schemaOf } from '@zoom-oomnitza-sync/platform';
import { EntityManager, In, MoreThan } from 'typeorm';
import { ContactEntity } from '../contacts/contact.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { NotifierEnvironment } from '../notifier.environment';
import { deliveriesChannelOf } from './deliveries-channel';
import { DeliveryEntity } from './delivery.entity';

/**
 * Decides, in the alert's transaction, which contacts get an email: each one, unless the same
 * alert for the same integration already went to them within NOTIFY_REPEAT_WINDOW_MINUTES, in
 * which case the repeat is held back (suppressed) and counted in their next email. A recovered
 * alert always goes out. Without SMTP_URL there is no email at all.
 */
@Injectable()
export class DeliveryPlanner {
  readonly emailEnabled: boolean;
  private readonly repeatWindowMs: number;

  constructor(config: ConfigService<NotifierEnvironment, true>) {
    this.emailEnabled = Boolean(config.get('SMTP_URL', { infer: true }));
    this.repeatWindowMs = config.get('NOTIFY_REPEAT_WINDOW_MINUTES', { infer: true }) * 60_000;
  }

  async plan(manager: EntityManager, notification: NotificationEntity, contacts: ContactEntity[]): Promise<DeliveryEntity[]> {
    if (!this.emailEnabled || contacts.length === 0) {
      return [];
    }
    const now = new Date();
    const deliveries: Partial<DeliveryEntity>[] = [];
    for (const contact of contacts) {
      const repeat = notification.kind !== 'recovered' && (await this.sentWithinWindow(manager, contact, notification, now));
      deliveries.push({
        tenantId: notification.tenantId,
        integrationId: notification.integrationId,
        notificationId: notification.id,
        contactId: contact.id,
        email: contact.email,
        kind: notification.kind,
        status: repeat ? 'suppressed' : 'pending',
        nextAttemptAt: repeat ? null : now,
      });
    }
    const saved = await manager.save(DeliveryEntity, deliveries);
    if (saved.some((delivery) => delivery.status === 'pending')) {
      await notifyChannel(manager, deliveriesChannelOf(schemaOf(manager.connection, DeliveryEntity)));
    }
    return saved as DeliveryEntity[];
  }

  private async sentWithinWindow(manager: EntityManager, contact: ContactEntity, notification: NotificationEntity, now: Date) {
    return manager.exists(DeliveryEntity, {
      where: {
        email: contact.email,
        integrationId: notification.integrationId,
        kind: notification.kind,
        status: In(['pending', 'sending', 'sent']),
        createdAt: MoreThan(new Date(now.getTime() - this.repeatWindowMs)),
      },
    });
  }
}
