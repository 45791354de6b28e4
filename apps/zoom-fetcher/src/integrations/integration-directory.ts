import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IntegrationEntity } from './integration.entity';

export type IntegrationRef = Pick<IntegrationEntity, 'integrationId' | 'tenantId'>;

/** Which integrations a Zoom credential's changes go to: the active ones using it, paused and drafts not. */
@Injectable()
export class IntegrationDirectory {
  activeUsing(manager: EntityManager, zoomCredentialId: string): Promise<IntegrationRef[]> {
    return manager.find(IntegrationEntity, {
      select: { integrationId: true, tenantId: true },
      where: { zoomCredentialId, state: 'active' },
      order: { integrationId: 'ASC' },
    });
  }
}
