import { Injectable } from '@nestjs/common';
import { IntegrationAlertValue, MessageEnvelope } from '@zoom-oomnitza-sync/contracts';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { EntityManager } from 'typeorm';
import { ContactsService } from '../contacts/contacts.service';
import { DeliveryPlanner } from '../deliveries/delivery-planner';
import { NotificationEntity } from './notification.entity';

/** In the alert message's transaction: the tenant's in-app notification and the emails to the integration's contacts. */
@Injectable()
export class AlertIntake {
  private readonly log: Logger;

  constructor(
    private readonly contacts: ContactsService,
    private readonly planner: DeliveryPlanner,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: AlertIntake.name });
  }

  async take(manager: EntityManager, envelope: MessageEnvelope<IntegrationAlertValue>): Promise<void> {
    const alert = envelope.payload;
    const notification = await manager.save(
      manager.create(NotificationEntity, {
        tenantId: envelope.tenantId,
        integrationId: envelope.integrationId,
        messageId: envelope.messageId,
        kind: alert.kind,
        severity: alert.severity,
        title: alert.title,
        detail: alert.detail,
        runId: alert.runId ?? null,
      }),
    );
    const recipients = await this.contacts.recipientsOf(manager, envelope.tenantId, envelope.integrationId, alert.kind);
    const deliveries = await this.planner.plan(manager, notification, recipients);
    this.log.info(
      {
        integrationId: envelope.integrationId,
        kind: alert.kind,
        notificationId: notification.id,
        emails: deliveries.filter((delivery) => delivery.status === 'pending').length,
        heldBack: deliveries.filter((delivery) => delivery.status === 'suppressed').length,
      },
      'alert received',
    );
  }
}
