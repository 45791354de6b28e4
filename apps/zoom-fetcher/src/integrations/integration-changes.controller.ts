import { Controller } from '@nestjs/common';
import { IntegrationChanged, IntegrationChangedValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { IntegrationEntity } from './integration.entity';

@Controller()
export class IntegrationChangesController {
  /** Keeps the newest snapshot: an older revision arriving late changes nothing. */
  @MessageHandler(IntegrationChanged)
  async onIntegrationChanged({ envelope, manager }: ConsumedMessage<IntegrationChangedValue>): Promise<void> {
    const snapshot = envelope.payload;
    await manager.query(
      `INSERT INTO ${qualifiedTable(manager.connection, IntegrationEntity)} AS current
         (integration_id, tenant_id, revision, state, zoom_credential_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (integration_id) DO UPDATE SET
         tenant_id = EXCLUDED.tenant_id, revision = EXCLUDED.revision, state = EXCLUDED.state,
         zoom_credential_id = EXCLUDED.zoom_credential_id
       WHERE current.revision < EXCLUDED.revision`,
      [envelope.integrationId, envelope.tenantId, snapshot.revision, snapshot.state, snapshot.zoomCredentialId],
    );
  }
}
