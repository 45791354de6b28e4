import { Injectable } from '@nestjs/common';
import { CredentialsChangedValue, IntegrationAlert, MessageEnvelope } from '@zoom-oomnitza-sync/contracts';
import { OutboxService } from '@zoom-oomnitza-sync/messaging';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { EntityManager, Not } from 'typeorm';
import { IntegrationEntity } from '../integrations/integration.entity';
import { IntegrationsService } from '../integrations/integrations.service';

/**
 * A credential deleted while integrations of its tenant use it: they go back to draft (no
 * schedule, no "Run now") until someone chooses another credential and launches them again, and
 * their contacts hear it (`credential_invalid`).
 */
@Injectable()
export class DeletedCredentials {
  private readonly log: Logger;

  constructor(
    private readonly integrations: IntegrationsService,
    private readonly outbox: OutboxService,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: DeletedCredentials.name });
  }

  async onCredentialsChanged(manager: EntityManager, envelope: MessageEnvelope<CredentialsChangedValue>): Promise<void> {
    const { credentialId, kind, change } = envelope.payload;
    if (change !== 'deleted') {
      return;
    }
    const usedBy = kind === 'zoom' ? { zoomCredentialId: credentialId } : { oomnitzaCredentialId: credentialId };
    const affected = await manager.find(IntegrationEntity, {
      where: { tenantId: envelope.tenantId, status: Not('draft'), ...usedBy },
      lock: { mode: 'pessimistic_write' },
      order: { createdAt: 'ASC' },
    });
    for (const integration of affected) {
      await this.integrations.moveToDraft(manager, integration);
      await this.outbox.publish(manager, IntegrationAlert, {
        tenantId: integration.tenantId,
        integrationId: integration.id,
        payload: {
          kind: 'credential_invalid',
          severity: 'critical',
          title: `"${integration.name}" stopped: its ${kind === 'zoom' ? 'Zoom' : 'Oomnitza'} credential was deleted`,
          detail:
            `The ${kind === 'zoom' ? 'Zoom' : 'Oomnitza'} credential ${credentialId} this integration used was deleted, so it is a draft ` +
            'again: no scheduled runs, no Run now. Choose another credential (PATCH the integration) and launch it again.',
        },
      });
    }
    if (affected.length > 0) {
      this.log.warn(
        { credentialId, kind, integrations: affected.map((integration) => integration.id) },
        'integrations moved to draft: their credential was deleted',
      );
    }
  }
}
