import { Injectable } from '@nestjs/common';
import { ZoomUserChanged, ZoomUserChangedValue, ZoomUserDto, ZoomUserEvent } from '@zoom-oomnitza-sync/contracts';
import { OutboxRow, OutboxService, PublishInput } from '@zoom-oomnitza-sync/messaging';
import { MetricsService } from '@zoom-oomnitza-sync/platform';
import { Counter, Histogram } from 'prom-client';
import { EntityManager } from 'typeorm';
import { IntegrationDirectory, IntegrationRef } from '../integrations/integration-directory';

/** How a change reached publication: straight from the webhook, after reading the user, or from the webhook after the read gave up. */
export type PublicationPath = 'webhook' | 'read' | 'fallback';

/** One user's change in one Zoom account, before it is addressed to integrations. */
export interface UserChange {
  zoomCredentialId: string;
  zoomAccountId: string;
  event: ZoomUserEvent;
  eventTs: number;
  user: ZoomUserDto;
  complete: boolean;
  previous?: ZoomUserDto;
  /** When Zoom's data in `user` was true: the read time for a whole user, else the event time. */
  observedAt: Date;
}

export interface PublishedChange {
  messages: number;
  eventTs: number;
  path: PublicationPath;
}

/** Zoom's host key is a PIN that claims host controls in meetings: it stays out of Kafka. */
const WITHHELD_FIELDS = ['host_key'];

function shareable(user: ZoomUserDto): ZoomUserDto {
  return Object.fromEntries(Object.entries(user).filter(([field]) => !WITHHELD_FIELDS.includes(field))) as ZoomUserDto;
}

/** Turns a user's change into one zoom.user.changed per active integration of the Zoom credential. */
@Injectable()
export class UserChangePublisher {
  private readonly messages: Counter<'path'>;
  private readonly eventAge: Histogram<'path'>;

  constructor(
    private readonly outbox: OutboxService,
    private readonly integrations: IntegrationDirectory,
    metrics: MetricsService,
  ) {
    this.messages = metrics.counter('zoom_user_changes_published_total', 'zoom.user.changed messages written, one per integration', [
      'path',
    ]);
    this.eventAge = metrics.histogram(
      'zoom_user_change_event_age_seconds',
      "Time from Zoom's event_ts to the change's messages committed for publication",
      ['path'],
      [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 7200],
    );
  }

  /** Inside the caller's transaction: the messages exist exactly when what caused them commits. */
  async publish(manager: EntityManager, change: UserChange, path: PublicationPath): Promise<PublishedChange> {
    const integrations = await this.integrations.activeUsing(manager, change.zoomCredentialId);
    await this.outbox.publishAll(manager, ZoomUserChanged, this.messagesFor(integrations, change));
    return { messages: integrations.length, eventTs: change.eventTs, path };
  }

  /** The change's messages to `integrations` as they will be inserted, for a statement that inserts them itself. */
  rows(integrations: IntegrationRef[], change: UserChange): Promise<OutboxRow<ZoomUserChangedValue>[]> {
    return this.outbox.rows(ZoomUserChanged, this.messagesFor(integrations, change));
  }

  private messagesFor(integrations: IntegrationRef[], change: UserChange): PublishInput<ZoomUserChangedValue>[] {
    const payload = {
      event: change.event,
      eventTs: change.eventTs,
      user: shareable(change.user),
      complete: change.complete,
      ...(change.previous ? { previous: shareable(change.previous) } : {}),
      zoomAccountId: change.zoomAccountId,
    };
    return integrations.map(({ integrationId, tenantId }) => ({ tenantId, integrationId, observedAt: change.observedAt, payload }));
  }

  /** Once the transaction committed: counts what it published. */
  count(published: PublishedChange): void {
    if (published.messages === 0) {
      return;
    }
    this.messages.inc({ path: published.path }, published.messages);
    this.eventAge.observe({ path: published.path }, Math.max(0, Date.now() - published.eventTs) / 1000);
  }
}
