import { Controller } from '@nestjs/common';
import { IntegrationChanged, IntegrationChangedValue, REMOVAL_DEFAULTS } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { IntegrationSettingsEntity } from './integration-settings.entity';

@Controller()
export class IntegrationSettingsController {
  /** Keeps the newest snapshot: an older revision arriving late changes nothing. */
  @MessageHandler(IntegrationChanged)
  async onIntegrationChanged({ envelope, manager }: ConsumedMessage<IntegrationChangedValue>): Promise<void> {
    const snapshot = envelope.payload;
    const table = qualifiedTable(manager.connection, IntegrationSettingsEntity);
    await manager.query(
      `INSERT INTO ${table} AS current
         (integration_id, tenant_id, revision, state, oomnitza_credential_id, preference, sync_key, field_targets,
          on_zoom_removal, removal_threshold_percent, removal_threshold_minimum)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (integration_id) DO UPDATE SET
         tenant_id = EXCLUDED.tenant_id, revision = EXCLUDED.revision, state = EXCLUDED.state,
         oomnitza_credential_id = EXCLUDED.oomnitza_credential_id, preference = EXCLUDED.preference,
         sync_key = EXCLUDED.sync_key, field_targets = EXCLUDED.field_targets, on_zoom_removal = EXCLUDED.on_zoom_removal,
         removal_threshold_percent = EXCLUDED.removal_threshold_percent, removal_threshold_minimum = EXCLUDED.removal_threshold_minimum
       WHERE current.revision < EXCLUDED.revision`,
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
      ],
    );
  }
}
