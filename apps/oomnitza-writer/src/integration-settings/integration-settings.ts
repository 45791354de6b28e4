import { MessageEnvelope, mappingTargetsOf, syncFieldFor } from '@zoom-oomnitza-sync/contracts';
import { PermanentMessageError } from '@zoom-oomnitza-sync/messaging';
import { EntityManager } from 'typeorm';
import { IntegrationSettingsEntity } from './integration-settings.entity';

/** Where the writer puts what it writes on its own (a missing user's mark): the integration's mapping targets. */
export interface WriteTargets {
  syncField: string;
  statusField: string;
  runTimeField: string;
}

export function writeTargetsOf(settings: IntegrationSettingsEntity): WriteTargets | undefined {
  if (settings.syncKey === null) {
    return undefined;
  }
  const targets = mappingTargetsOf(settings.fieldTargets);
  return { syncField: syncFieldFor(settings.syncKey, targets), statusField: targets.status, runTimeField: targets.connector_sync_time };
}

/**
 * The settings of the integration a message is about, as the scheduler last announced them. Its
 * snapshot normally arrives long before any record or run: until it does, the message is retried.
 */
export async function settingsFor(manager: EntityManager, envelope: MessageEnvelope): Promise<IntegrationSettingsEntity> {
  const settings = await manager.findOneBy(IntegrationSettingsEntity, { integrationId: envelope.integrationId });
  if (!settings) {
    throw new Error(`integration ${envelope.integrationId} is not known to the writer yet`);
  }
  if (settings.tenantId !== envelope.tenantId) {
    throw new PermanentMessageError(`integration ${envelope.integrationId} belongs to another tenant`);
  }
  return settings;
}
