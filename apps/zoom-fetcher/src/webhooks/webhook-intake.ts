import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ZoomUserEvent } from '@zoom-oomnitza-sync/contracts';
import { qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DataSource, EntityManager } from 'typeorm';
import { IntegrationDirectory } from '../integrations/integration-directory';
import { PublishedChange, UserChangePublisher } from '../user-changes/user-change-publisher';
import { UserReadQueue } from '../user-reads/user-read-queue';
import { WebhookEventEntity } from './webhook-event.entity';
import { ZoomWebhook } from './zoom-webhook-body';

export type UserEvent = Extract<ZoomWebhook, { kind: 'user_event' }>;

/** These say all there is to say: the user is gone or inactive, and a read would add nothing (or find nobody). */
const PUBLISHED_AS_RECEIVED: ReadonlySet<ZoomUserEvent> = new Set(['user.deactivated', 'user.deleted', 'user.disassociated']);

/**
 * Takes a verified user event in, in one transaction: the event row (once per event: Zoom
 * redelivers), and either its zoom.user.changed messages or a read of the user from Zoom.
 */
@Injectable()
export class WebhookIntake {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly integrations: IntegrationDirectory,
    private readonly publisher: UserChangePublisher,
    private readonly reads: UserReadQueue,
  ) {}

  async take(zoomCredentialId: string, event: UserEvent): Promise<'accepted' | 'duplicate'> {
    const userId = event.user.id;
    let published: PublishedChange | undefined;
    const outcome = await this.dataSource.transaction(async (manager) => {
      // A pending user has no id yet: its e-mail tells its events apart.
      if (!(await this.recordOnce(manager, zoomCredentialId, event, userId ?? String(event.user.email)))) {
        return 'duplicate' as const;
      }
      const change = { zoomCredentialId, zoomAccountId: event.accountId, event: event.event, eventTs: event.eventTs };
      if (userId === undefined || PUBLISHED_AS_RECEIVED.has(event.event)) {
        const observedAt = new Date(event.eventTs);
        published = await this.publisher.publish(
          manager,
          { ...change, user: event.user, complete: false, previous: event.previous, observedAt },
          'webhook',
        );
      } else if ((await this.integrations.activeUsing(manager, zoomCredentialId)).length > 0) {
        await this.reads.request(manager, { ...change, userId, webhookUser: event.user, previous: event.previous });
      }
      return 'accepted' as const;
    });
    if (published) {
      this.publisher.count(published);
    }
    return outcome;
  }

  /** False when this event was taken in before (same event, user and event time). */
  private async recordOnce(manager: EntityManager, zoomCredentialId: string, event: UserEvent, userKey: string): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO ${qualifiedTable(manager.connection, WebhookEventEntity)} (zoom_credential_id, event, user_key, event_ts)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING id`,
      [zoomCredentialId, event.event, userKey, event.eventTs],
    )) as unknown[];
    return rows.length === 1;
  }
}
