import { Injectable } from '@nestjs/common';
import {
  HELD_REMOVAL_EXAMPLES,
  HeldRemovalKind,
  MessageEnvelope,
  RemovalHoldSource,
  RemovalsDecidedValue,
  RemovalsHeld,
} from '@zoom-oomnitza-sync/contracts';
import { OutboxService } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { EntityManager, IsNull } from 'typeorm';
import { IntegrationSettingsEntity } from '../integration-settings/integration-settings.entity';
import { PendingRecordEntity } from '../pending-records/pending-record.entity';
import { WriteQueues } from '../pending-records/write-queues';
import { UserSyncStateEntity } from '../sync-state/user-sync-state.entity';
import { Clock } from '../timing/clock';
import { WebhookRemovalEntity } from './webhook-removal.entity';
import { RemovalHoldEntity } from './removal-hold.entity';
import { removalThreshold } from './removal-threshold';

/** The most people the integration lets be marked at once, and the synced users it is taken from. */
export interface RemovalLimit {
  threshold: number;
  syncedUsers: number;
}

/**
 * The mass-removal circuit breaker's holds: removals over the integration's threshold wait as
 * pending records of a hold until the scheduler passes on a decision. Every change to one
 * integration's removals happens under its lock, so a hold is opened once and never lost.
 */
@Injectable()
export class RemovalHolds {
  private readonly log: Logger;

  constructor(
    private readonly outbox: OutboxService,
    private readonly queues: WriteQueues,
    private readonly clock: Clock,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: RemovalHolds.name });
  }

  /** Serialises the integration's removals until the transaction ends (webhooks, a run's sweep, a decision). */
  async lock(manager: EntityManager, integrationId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`removals:${integrationId}`]);
  }

  /** The integration's open hold, if any. */
  current(manager: EntityManager, integrationId: string): Promise<RemovalHoldEntity | null> {
    return manager.findOneBy(RemovalHoldEntity, { integrationId });
  }

  /** Synced users are those with sync state not already marked removed. */
  async limitFor(manager: EntityManager, settings: IntegrationSettingsEntity): Promise<RemovalLimit> {
    const syncedUsers = await manager.countBy(UserSyncStateEntity, { integrationId: settings.integrationId, removal: IsNull() });
    return {
      syncedUsers,
      threshold: removalThreshold(syncedUsers, settings.removalThresholdPercent, settings.removalThresholdMinimum),
    };
  }

  async openHold(
    manager: EntityManager,
    settings: IntegrationSettingsEntity,
    source: RemovalHoldSource,
    runId: string | null,
    limit: RemovalLimit,
  ): Promise<RemovalHoldEntity> {
    return manager.save(
      manager.create(RemovalHoldEntity, {
        holdId: randomUUID(),
        integrationId: settings.integrationId,
        tenantId: settings.tenantId,
        source,
        runId,
        threshold: limit.threshold,
        syncedUsers: limit.syncedUsers,
        openedAt: this.clock.now(),
      }),
    );
  }

  /** Tells the scheduler what the hold keeps now (it alerts when a hold is new): called after records joined it. */
  async announce(manager: EntityManager, hold: RemovalHoldEntity): Promise<void> {
    const pending = qualifiedTable(manager.connection, PendingRecordEntity);
    const [{ count }] = (await manager.query(`SELECT count(DISTINCT sync_key)::int AS count FROM ${pending} WHERE hold_id = $1`, [
      hold.holdId,
    ])) as { count: number }[];
    const examples = (await manager.query(`SELECT sync_key AS "syncKey", removal FROM ${pending} WHERE hold_id = $1 ORDER BY id LIMIT $2`, [
      hold.holdId,
      HELD_REMOVAL_EXAMPLES,
    ])) as { syncKey: string; removal: HeldRemovalKind }[];
    await this.outbox.publish(manager, RemovalsHeld, {
      tenantId: hold.tenantId,
      integrationId: hold.integrationId,
      runId: hold.runId ?? undefined,
      payload: {
        holdId: hold.holdId,
        source: hold.source,
        runId: hold.runId ?? undefined,
        count,
        threshold: hold.threshold,
        syncedUsers: hold.syncedUsers,
        examples,
      },
    });
  }

  /**
   * Approve: the held records become ordinary pending records, written by the loop. Discard: they
   * are dropped. Either way the hold closes and the hour of webhook removals starts again, so the
   * next removals are measured from the decision on. A decision about another hold changes nothing.
   */
  async decide(manager: EntityManager, envelope: MessageEnvelope<RemovalsDecidedValue>): Promise<void> {
    const { holdId, decision } = envelope.payload;
    await this.lock(manager, envelope.integrationId);
    const hold = await this.current(manager, envelope.integrationId);
    if (hold?.holdId !== holdId) {
      this.log.warn({ integrationId: envelope.integrationId, holdId, decision }, 'decision about a hold that is not open; ignored');
      return;
    }
    if (decision === 'approve') {
      await manager.update(PendingRecordEntity, { holdId }, { holdId: null });
      await this.queues.recordsArrived(manager, hold.integrationId, false, this.clock.now());
    } else {
      await manager.delete(PendingRecordEntity, { holdId });
    }
    await manager.delete(RemovalHoldEntity, { holdId });
    await manager.delete(WebhookRemovalEntity, { integrationId: hold.integrationId });
  }
}
