import { Controller } from '@nestjs/common';
import { IntegrationChanged, IntegrationChangedValue, REMOVAL_DEFAULTS } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { saasLinkOf } from '../saas-users/saas-link';
import { UserSyncStateEntity } from '../sync-state/user-sync-state.entity';
import { IntegrationSettingsEntity } from './integration-settings.entity';

/** A content hash no record has: the user's next record is sent whatever it holds. */
const SEND_AGAIN = 'send-again';

@Controller()
export class IntegrationSettingsController {
  /**
   * Keeps the newest snapshot: an older revision arriving late changes nothing. When the SaaS link
   * changes (User only to User plus SaaS user, or another SaaS app), every synced user is sent again
   * at the next run: records whose fields did not change would otherwise never carry the link.
   */
  @MessageHandler(IntegrationChanged)
  async onIntegrationChanged({ envelope, manager }: ConsumedMessage<IntegrationChangedValue>): Promise<void> {
    const snapshot = envelope.payload;
    const table = qualifiedTable(manager.connection, IntegrationSettingsEntity);
    const previous = saasLinkOf(await manager.findOneBy(IntegrationSettingsEntity, { integrationId: envelope.integrationId }));
    const applied = (await manager.query(
      `INSERT INTO ${table} AS current
         (integration_id, tenant_id, revision, state, oomnitza_credential_id, preference, sync_key, field_targets,
          on_zoom_removal, removal_threshold_percent, removal_threshold_minimum, type, oomnitza_saas_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (integration_id) DO UPDATE SET
         tenant_id = EXCLUDED.tenant_id, revision = EXCLUDED.revision, state = EXCLUDED.state,
         oomnitza_credential_id = EXCLUDED.oomnitza_credential_id, preference = EXCLUDED.preference,
         sync_key = EXCLUDED.sync_key, field_targets = EXCLUDED.field_targets, on_zoom_removal = EXCLUDED.on_zoom_removal,
         removal_threshold_percent = EXCLUDED.removal_threshold_percent, removal_threshold_minimum = EXCLUDED.removal_threshold_minimum,
         type = EXCLUDED.type, oomnitza_saas_id = EXCLUDED.oomnitza_saas_id
       WHERE current.revision < EXCLUDED.revision
       RETURNING integration_id`,
      [
        envelope.integrationId,
        envelope.tenantId,
        snapshot.revision,
        snapshot.state,
        snapshot.oomnitzaCredentialId,
        snapshot.preference,
        snapshot.mapping?.syncKey ?? null,
        JSON.stringify(snapshot.mapping?.fieldTargets ?? {}),
        snapshot.onZoomRemoval ?? REMOVAL_DEFAULTS.onZoomRemoval,
        snapshot.removalThresholdPercent ?? REMOVAL_DEFAULTS.removalThresholdPercent,
        snapshot.removalThresholdMinimum ?? REMOVAL_DEFAULTS.removalThresholdMinimum,
        snapshot.type,
        snapshot.oomnitzaSaasId ?? null,
      ],
    )) as unknown[];
    const current = saasLinkOf(await manager.findOneBy(IntegrationSettingsEntity, { integrationId: envelope.integrationId }));
    if (applied.length > 0 && previous?.saasId !== current?.saasId) {
      await manager.update(UserSyncStateEntity, { integrationId: envelope.integrationId }, { contentHash: SEND_AGAIN });
    }
  }
}
