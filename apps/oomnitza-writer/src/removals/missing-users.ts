import { Injectable } from '@nestjs/common';
import { MessageEnvelope, SyncRunCompletedValue } from '@zoom-oomnitza-sync/contracts';
import { qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { EntityManager } from 'typeorm';
import { IntegrationSettingsEntity } from '../integration-settings/integration-settings.entity';
import { settingsFor, WriteTargets, writeTargetsOf } from '../integration-settings/integration-settings';
import { PendingRecordEntity } from '../pending-records/pending-record.entity';
import { WriteQueues } from '../pending-records/write-queues';
import { UserSyncStateEntity } from '../sync-state/user-sync-state.entity';
import { Clock } from '../timing/clock';
import { MISSING_USER_STATUS } from './removal-kinds';
import { RemovalHolds } from './removal-holds';

/**
 * Synced users a run did not see: not marked removed already, no record of the run, nothing seen
 * of them since the run started (a newer run or a webhook, written or still pending), and no
 * removal of theirs pending.
 * $1 integration, $2 run, $3 the run's time.
 */
const MISSING = (syncState: string, pending: string) => `
  FROM ${syncState} state
  WHERE state.integration_id = $1 AND state.removal IS NULL
    AND state.last_seen_run_id IS DISTINCT FROM $2
    AND (state.last_seen_at IS NULL OR state.last_seen_at < $3)
    AND NOT EXISTS (SELECT 1 FROM ${pending} pending
                     WHERE pending.integration_id = state.integration_id AND pending.sync_key = state.sync_key
                       AND (pending.removal IS NOT NULL OR pending.observed_at >= $3))`;

/**
 * After a clean full sync, users synced before and missing from it are gone from Zoom. Under the
 * policy `mark` each becomes a pending partial record setting Zoom Status `deleted`, written by
 * the loop like any change outside a run; more of them than the integration's threshold are held.
 */
@Injectable()
export class MissingUsers {
  constructor(
    private readonly holds: RemovalHolds,
    private readonly queues: WriteQueues,
    private readonly clock: Clock,
  ) {}

  async markAfter(manager: EntityManager, envelope: MessageEnvelope<SyncRunCompletedValue>): Promise<void> {
    const run = envelope.payload;
    if (!run.clean) {
      return;
    }
    const settings = await settingsFor(manager, envelope);
    const targets = writeTargetsOf(settings);
    // Create only changes no existing person: marking one would be an update.
    if (settings.state !== 'active' || settings.onZoomRemoval === 'ignore' || settings.preference === 'create_only' || !targets) {
      return;
    }
    await this.holds.lock(manager, settings.integrationId);
    const missing = await this.count(manager, settings, run);
    if (missing === 0) {
      return;
    }
    let hold = await this.holds.current(manager, settings.integrationId);
    if (!hold) {
      const limit = await this.holds.limitFor(manager, settings);
      hold = missing > limit.threshold ? await this.holds.openHold(manager, settings, 'run', run.runId, limit) : null;
    }
    await this.addPending(manager, settings, targets, run, hold?.holdId ?? null);
    if (hold) {
      await this.holds.announce(manager, hold);
    } else {
      await this.queues.recordsArrived(manager, settings.integrationId, false, this.clock.now());
    }
  }

  private async count(manager: EntityManager, settings: IntegrationSettingsEntity, run: SyncRunCompletedValue): Promise<number> {
    const [{ missing }] = (await manager.query(`SELECT count(*)::int AS missing ${this.missing(manager)}`, [
      settings.integrationId,
      run.runId,
      run.runStartedAt,
    ])) as { missing: number }[];
    return missing;
  }

  private async addPending(
    manager: EntityManager,
    settings: IntegrationSettingsEntity,
    targets: WriteTargets,
    run: SyncRunCompletedValue,
    holdId: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${qualifiedTable(manager.connection, PendingRecordEntity)}
         (integration_id, tenant_id, oomnitza_credential_id, preference, sync_field, run_time_field,
          sync_key, zoom_user_id, fields, partial, removal, hold_id, observed_at, arrived_at)
       SELECT state.integration_id, $4, $5, $6, $7, $8, state.sync_key, state.zoom_user_id, $9::jsonb, true, 'missing', $10, $3, $11
       ${this.missing(manager)}
       ORDER BY state.sync_key`,
      [
        settings.integrationId,
        run.runId,
        run.runStartedAt,
        settings.tenantId,
        settings.oomnitzaCredentialId,
        settings.preference,
        targets.syncField,
        targets.runTimeField,
        JSON.stringify({ [targets.statusField]: MISSING_USER_STATUS }),
        holdId,
        this.clock.now(),
      ],
    );
  }

  private missing(manager: EntityManager): string {
    return MISSING(qualifiedTable(manager.connection, UserSyncStateEntity), qualifiedTable(manager.connection, PendingRecordEntity));
  }
}
