import { Controller } from '@nestjs/common';
import { IntegrationChanged, IntegrationChangedValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { IntegrationNameEntity } from './integration-name.entity';

@Controller()
export class IntegrationNamesController {
  /** Keeps the newest name: an older revision arriving late changes nothing. */
  @MessageHandler(IntegrationChanged)
  async onIntegrationChanged({ envelope, manager }: ConsumedMessage<IntegrationChangedValue>): Promise<void> {
    await manager.query(
      `INSERT INTO ${qualifiedTable(manager.connection, IntegrationNameEntity)} AS current (integration_id, tenant_id, name, revision)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (integration_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, name = EXCLUDED.name, revision = EXCLUDED.revision
       WHERE current.revision < EXCLUDED.revision`,
      [envelope.integrationId, envelope.tenantId, envelope.payload.name, envelope.payload.revision],
    );
  }
}
