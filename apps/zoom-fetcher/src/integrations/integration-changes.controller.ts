import { Controller } from '@nestjs/common';
import { IntegrationChanged, IntegrationChangedValue, RECONCILE_DEFAULTS } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { IntegrationDirectory } from './integration-directory';
import { IntegrationEntity } from './integration.entity';

@Controller()
export class IntegrationChangesController {
  constructor(private readonly directory: IntegrationDirectory) {}

  /**
   * Keeps the newest snapshot: an older revision arriving late changes nothing. A shorter
   * reconcile interval brings the next reconcile forward; a longer one lets the pending one stand.
   */
  @MessageHandler(IntegrationChanged)
  async onIntegrationChanged({ envelope, manager }: ConsumedMessage<IntegrationChangedValue>): Promise<void> {
    const snapshot = envelope.payload;
    this.directory.changing(manager);
    await manager.query(
      `INSERT INTO ${qualifiedTable(manager.connection, IntegrationEntity)} AS current
         (integration_id, tenant_id, revision, state, zoom_credential_id, webhooks_enabled, reconcile_interval_minutes, next_reconcile_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(mins => $7))
       ON CONFLICT (integration_id) DO UPDATE SET
         tenant_id = EXCLUDED.tenant_id, revision = EXCLUDED.revision, state = EXCLUDED.state,
         zoom_credential_id = EXCLUDED.zoom_credential_id, webhooks_enabled = EXCLUDED.webhooks_enabled,
         reconcile_interval_minutes = EXCLUDED.reconcile_interval_minutes,
         next_reconcile_at = LEAST(current.next_reconcile_at, EXCLUDED.next_reconcile_at)
       WHERE current.revision < EXCLUDED.revision`,
      [
        envelope.integrationId,
        envelope.tenantId,
        snapshot.revision,
        snapshot.state,
        snapshot.zoomCredentialId,
        snapshot.webhooksEnabled ?? RECONCILE_DEFAULTS.webhooksEnabled,
        snapshot.reconcileIntervalMinutes ?? RECONCILE_DEFAULTS.reconcileIntervalMinutes,
      ],
    );
  }
}
