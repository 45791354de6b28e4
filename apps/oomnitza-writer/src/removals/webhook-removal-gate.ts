import { Injectable } from '@nestjs/common';
import { MessageEnvelope, OomnitzaRecordDto, ZoomRemoval } from '@zoom-oomnitza-sync/contracts';
import { preparedStatement, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { settingsFor } from '../integration-settings/integration-settings';
import { UserSyncStateEntity } from '../sync-state/user-sync-state.entity';
import { Clock } from '../timing/clock';
import { RemovalHoldEntity } from './removal-hold.entity';
import { RemovalHolds } from './removal-holds';
import { mayExceedThreshold } from './removal-threshold';
import { WebhookRemovalEntity } from './webhook-removal.entity';

const HOUR_MS = 60 * 60 * 1000;

/** What becomes of a removal a webhook reports: written now, kept in a hold, or dropped. */
export type Admission = { kind: 'write' } | { kind: 'hold'; hold: RemovalHoldEntity } | { kind: 'drop' };

export type WebhookRemoval = OomnitzaRecordDto & { removal: ZoomRemoval };

/**
 * The removal policy and the mass-removal circuit breaker for webhooks, applied as each removal
 * arrives. With the policy `ignore` a deletion or disassociation is dropped (a deactivation is not
 * a removal: it goes on). An open hold takes every removal; otherwise the one that would make the
 * last hour's removals exceed the integration's threshold opens a hold.
 */
@Injectable()
export class WebhookRemovalGate {
  constructor(
    private readonly holds: RemovalHolds,
    private readonly clock: Clock,
  ) {}

  async admit(manager: EntityManager, envelope: MessageEnvelope, record: WebhookRemoval): Promise<Admission> {
    const settings = await settingsFor(manager, envelope);
    if (settings.onZoomRemoval === 'ignore' && record.removal !== 'deactivated') {
      return { kind: 'drop' };
    }
    // Create only changes no existing person: the writer skips the removal, so there is nothing to hold.
    if (settings.preference === 'create_only') {
      return { kind: 'write' };
    }
    await this.holds.lock(manager, settings.integrationId);
    const now = this.clock.now();
    const { openHoldId, marksSomeone, lastHour } = await this.situation(manager, settings.integrationId, record.syncKey, now);
    if (openHoldId) {
      return { kind: 'hold', hold: await manager.findOneByOrFail(RemovalHoldEntity, { holdId: openHoldId }) };
    }
    // Someone never synced, or already marked removed, is not marked by it: it does not count.
    if (!marksSomeone) {
      return { kind: 'write' };
    }
    // Counting the synced users takes a scan of them: only worth it when the answer could be a hold.
    if (mayExceedThreshold(lastHour + 1, settings.removalThresholdPercent, settings.removalThresholdMinimum)) {
      const limit = await this.holds.limitFor(manager, settings);
      if (lastHour + 1 > limit.threshold) {
        return { kind: 'hold', hold: await this.holds.openHold(manager, settings, 'webhooks', null, limit) };
      }
    }
    await manager.insert(WebhookRemovalEntity, { integrationId: settings.integrationId, receivedAt: now });
    return { kind: 'write' };
  }

  /**
   * In one statement, under the integration's removal lock: its open hold, whether the record
   * would mark someone synced and not marked yet, and the removals counted in the last hour
   * (older ones are forgotten on the way).
   */
  private async situation(
    manager: EntityManager,
    integrationId: string,
    syncKey: string,
    now: Date,
  ): Promise<{ openHoldId: string | null; marksSomeone: boolean; lastHour: number }> {
    const hourAgo = new Date(now.getTime() - HOUR_MS);
    const table = (entity: EntityTarget<ObjectLiteral>) => qualifiedTable(manager.connection, entity);
    const [row] = (await manager.query(
      preparedStatement(`WITH forgotten AS (
         DELETE FROM ${table(WebhookRemovalEntity)} WHERE integration_id = $1 AND received_at <= $3
       )
       SELECT (SELECT hold_id FROM ${table(RemovalHoldEntity)} WHERE integration_id = $1) AS "openHoldId",
              EXISTS (SELECT 1 FROM ${table(UserSyncStateEntity)} WHERE integration_id = $1 AND sync_key = $2 AND removal IS NULL) AS "marksSomeone",
              (SELECT count(*)::int FROM ${table(WebhookRemovalEntity)} WHERE integration_id = $1 AND received_at > $3) AS "lastHour"`),
      [integrationId, syncKey, hourAgo],
    )) as { openHoldId: string | null; marksSomeone: boolean; lastHour: number }[];
    return row;
  }
}
