import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ZoomUserEvent } from '@zoom-oomnitza-sync/contracts';
import { CredentialRef } from '@zoom-oomnitza-sync/credentials-client';
import { qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DataSource, EntityManager } from 'typeorm';
import { KnownUserStatus } from '../directory/known-user.entity';
import { KnownUser, ZoomDirectory } from '../directory/zoom-directory';
import { IntegrationDirectory } from '../integrations/integration-directory';
import { ReconcileSchedule } from '../reconcile/reconcile-schedule';
import { PublishedChange, UserChangePublisher } from '../user-changes/user-change-publisher';
import { UserReadQueue } from '../user-reads/user-read-queue';
import { WebhookEventEntity } from './webhook-event.entity';
import { ZoomWebhook } from './zoom-webhook-body';

export type UserEvent = Extract<ZoomWebhook, { kind: 'user_event' }>;

/** These say all there is to say: the user is gone or inactive, and a read would add nothing (or find nobody). */
const PUBLISHED_AS_RECEIVED: ReadonlySet<ZoomUserEvent> = new Set(['user.deactivated', 'user.deleted', 'user.disassociated']);

/** What each event says of the user's status, for the directory; the others say it in their object, if at all. */
const STATUS_AFTER: Partial<Record<ZoomUserEvent, KnownUserStatus>> = {
  'user.activated': 'active',
  'user.invitation_accepted': 'active',
  'user.deactivated': 'inactive',
  'user.deleted': 'removed',
  'user.disassociated': 'removed',
};

/**
 * Takes a verified user event in, in one transaction: the event row (once per event: Zoom
 * redelivers), the user in the directory, and either its zoom.user.changed messages or a read of
 * the user from Zoom. An update of a user the directory knows needs no read: its object carries
 * every changed field and the directory the e-mail that addresses it. An event about a user the
 * fetcher never saw means Zoom dropped one: the reconcile reports drift at once.
 */
@Injectable()
export class WebhookIntake {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly integrations: IntegrationDirectory,
    private readonly publisher: UserChangePublisher,
    private readonly reads: UserReadQueue,
    private readonly directory: ZoomDirectory,
    private readonly reconcile: ReconcileSchedule,
  ) {}

  async take(credential: CredentialRef, event: UserEvent): Promise<'accepted' | 'duplicate'> {
    const zoomCredentialId = credential.credentialId;
    const userId = event.user.id;
    let published: PublishedChange | undefined;
    const outcome = await this.dataSource.transaction(async (manager) => {
      // A pending user has no id yet: its e-mail tells its events apart. A duplicate records what it recorded before.
      const { fresh, known } = await this.learn(manager, zoomCredentialId, event, userId ?? String(event.user.email));
      if (!fresh) {
        return 'duplicate' as const;
      }
      const change = { zoomCredentialId, zoomAccountId: event.accountId, event: event.event, eventTs: event.eventTs };
      const email = event.user.email ?? known?.email ?? undefined;
      const readFree = event.event === 'user.updated' && known !== undefined && known.status !== 'removed' && email !== undefined;
      if (userId === undefined || PUBLISHED_AS_RECEIVED.has(event.event) || readFree) {
        const observedAt = new Date(event.eventTs);
        const user = readFree ? { ...event.user, email } : event.user;
        published = await this.publisher.publish(
          manager,
          { ...change, user, complete: false, previous: event.previous, observedAt },
          'webhook',
        );
      } else if ((await this.integrations.activeUsing(manager, zoomCredentialId)).length > 0) {
        await this.reads.request(manager, {
          ...change,
          tenantId: credential.tenantId,
          userId,
          webhookUser: event.user,
          previous: event.previous,
        });
      }
      return 'accepted' as const;
    });
    if (published) {
      this.publisher.count(published);
    }
    return outcome;
  }

  /**
   * Records the event once (false when it was taken in before: same event, user and event time)
   * and the user in the directory, in one statement; answers what the directory knew before.
   */
  private async learn(
    manager: EntityManager,
    zoomCredentialId: string,
    event: UserEvent,
    userKey: string,
  ): Promise<{ fresh: boolean; known?: KnownUser }> {
    const receipt = {
      table: qualifiedTable(manager.connection, WebhookEventEntity),
      row: { zoom_credential_id: zoomCredentialId, event: event.event, user_key: userKey, event_ts: event.eventTs },
    };
    const learnt = await this.directory.learn(
      manager,
      zoomCredentialId,
      event.user,
      new Date(event.eventTs),
      STATUS_AFTER[event.event],
      receipt,
    );
    if (learnt.fresh && !learnt.known && event.event !== 'user.created' && (await this.directory.census(zoomCredentialId))) {
      await this.reconcile.flagUnknownUser(manager, zoomCredentialId);
    }
    return learnt;
  }
}
