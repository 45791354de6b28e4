import { qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { EntityManager, IsNull } from 'typeorm';
import { writeTargetsOf } from '../integration-settings/integration-settings';
import { IntegrationSettingsEntity } from '../integration-settings/integration-settings.entity';
import { MISSING_USER_STATUS } from '../removals/removal-kinds';
import { removalThreshold } from '../removals/removal-threshold';
import { UserSyncStateEntity } from '../sync-state/user-sync-state.entity';
import { DryRunUserEntity } from './dry-run-user.entity';
import { DryRunEntity } from './dry-run.entity';

/**
 * What a full sync ending like the dry run would mark removed: when nothing was rejected or
 * failed (a clean run), the people synced before whom the run did not map, under the
 * integration's removal policy, each listed as `remove` with the Zoom Status it would get, and
 * said to be held when they are more than the mass-removal threshold. Answers how many.
 */
export async function listRemovals(manager: EntityManager, run: DryRunEntity): Promise<number> {
  const users = qualifiedTable(manager.connection, DryRunUserEntity);
  const [{ unclean }] = (await manager.query(
    `SELECT count(*)::int AS unclean FROM ${users} WHERE run_id = $1 AND outcome IN ('rejected', 'failed')`,
    [run.runId],
  )) as { unclean: number }[];
  const settings = await manager.findOneBy(IntegrationSettingsEntity, { integrationId: run.integrationId });
  const targets = settings && writeTargetsOf(settings);
  if (unclean > 0 || !settings || !targets || settings.onZoomRemoval === 'ignore' || settings.preference === 'create_only') {
    return 0;
  }
  const synced = await manager.countBy(UserSyncStateEntity, { integrationId: run.integrationId, removal: IsNull() });
  const state = qualifiedTable(manager.connection, UserSyncStateEntity);
  const missing = `
    FROM ${state} state
    WHERE state.integration_id = $2 AND state.removal IS NULL
      AND NOT EXISTS (SELECT 1 FROM ${users} seen WHERE seen.run_id = $1 AND seen.user_key = state.sync_key AND seen.proposed IS NOT NULL)`;
  const [{ count }] = (await manager.query(`SELECT count(*)::int AS count ${missing}`, [run.runId, run.integrationId])) as {
    count: number;
  }[];
  if (count === 0) {
    return 0;
  }
  const held = count > removalThreshold(synced, settings.removalThresholdPercent, settings.removalThresholdMinimum);
  const reason = held
    ? `no longer in Zoom, or filtered out: a full sync would hold this and the other ${count - 1} removals for approval (more than the mass-removal threshold)`
    : 'no longer in Zoom, or filtered out: a full sync would mark it';
  await manager.query(
    `INSERT INTO ${users} (run_id, user_key, zoom_user_id, outcome, changes, reason)
     SELECT $1, state.sync_key, state.zoom_user_id, 'remove',
            jsonb_build_array(jsonb_build_object('field', $3::text, 'before', state.fields -> $3::text, 'after', $4::text)), $5
     ${missing}`,
    [run.runId, run.integrationId, targets.statusField, MISSING_USER_STATUS, reason],
  );
  return count;
}
