import { Controller } from '@nestjs/common';
import { IntegrationChanged, IntegrationChangedValue } from '@zoom-oomnitza-sync/contracts';
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
         (integration_id, tenant_id, revision, state, type, preference, oomnitza_role_id, sync_key, field_targets, oomnitza_credential_id,
          field_mappings, filters, derive_missing_names)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (integration_id) DO UPDATE SET
         tenant_id = EXCLUDED.tenant_id, revision = EXCLUDED.revision, state = EXCLUDED.state, type = EXCLUDED.type,
         preference = EXCLUDED.preference, oomnitza_role_id = EXCLUDED.oomnitza_role_id, sync_key = EXCLUDED.sync_key,
         field_targets = EXCLUDED.field_targets, oomnitza_credential_id = EXCLUDED.oomnitza_credential_id,
         field_mappings = EXCLUDED.field_mappings, filters = EXCLUDED.filters, derive_missing_names = EXCLUDED.derive_missing_names
       WHERE current.revision < EXCLUDED.revision`,
      [
        envelope.integrationId,
        envelope.tenantId,
        snapshot.revision,
        snapshot.state,
        snapshot.type,
        snapshot.preference,
        snapshot.mapping?.oomnitzaRoleId ?? null,
        snapshot.mapping?.syncKey ?? null,
        JSON.stringify(snapshot.mapping?.fieldTargets ?? {}),
        snapshot.oomnitzaCredentialId,
        JSON.stringify(snapshot.mapping?.fieldMappings ?? []),
        snapshot.mapping?.filters ? JSON.stringify(snapshot.mapping.filters) : null,
        snapshot.mapping?.deriveMissingNames ?? true,
      ],
    );
  }
}
