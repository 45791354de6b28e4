import { IntegrationChangedValue } from '@zoom-oomnitza-sync/contracts';
import { IntegrationEntity } from './integration.entity';

/** What the other services learn about an integration through integration.changed. */
export function integrationSnapshot(integration: IntegrationEntity): IntegrationChangedValue {
  return {
    revision: integration.revision,
    state: integration.status,
    name: integration.name,
    type: integration.type,
    preference: integration.preference,
    zoomCredentialId: integration.zoomCredentialId,
    oomnitzaCredentialId: integration.oomnitzaCredentialId,
    ...(integration.oomnitzaSaasId === null ? {} : { oomnitzaSaasId: integration.oomnitzaSaasId }),
    mapping:
      integration.oomnitzaRoleId === null
        ? undefined
        : {
            oomnitzaRoleId: integration.oomnitzaRoleId,
            syncKey: integration.syncKey,
            fieldTargets: integration.fieldTargets,
            fieldMappings: integration.fieldMappings,
            filters: integration.filters ?? undefined,
            deriveMissingNames: integration.deriveMissingNames,
          },
    onZoomRemoval: integration.onZoomRemoval,
    removalThresholdPercent: integration.removalThresholdPercent,
    removalThresholdMinimum: integration.removalThresholdMinimum,
    webhooksEnabled: integration.webhooksEnabled,
    reconcileIntervalMinutes: integration.reconcileIntervalMinutes,
  };
}
