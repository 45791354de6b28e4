import { FieldMappingDto, IntegrationType, StandardZoomField, SyncKey, UserFiltersDto } from '@zoom-oomnitza-sync/contracts';
import { compileIntegrationMapping, MappingSettings } from '@zoom-oomnitza-sync/mapping';
import { PermanentMessageError } from '@zoom-oomnitza-sync/messaging';

/** The choices as the integration read model keeps them, where a role and sync key may still be missing. */
export interface StoredMappingChoices {
  oomnitzaRoleId: number | null;
  syncKey: SyncKey | null;
  fieldTargets: Partial<Record<StandardZoomField, string>>;
  fieldMappings?: FieldMappingDto[];
  filters?: UserFiltersDto | null;
  deriveMissingNames?: boolean;
  type?: IntegrationType;
}

/**
 * The integration's mapping, or undefined while it has no Oomnitza role or sync key. Lines or
 * rules that cannot run (the scheduler checks them when they are saved, so only a newer
 * scheduler's) make the message permanently unusable: it is dead-lettered with the reason.
 */
export function mappingSettingsOf(choices: StoredMappingChoices): MappingSettings | undefined {
  if (choices.oomnitzaRoleId === null || choices.syncKey === null) {
    return undefined;
  }
  const mapping = compileIntegrationMapping(choices);
  if ('problems' in mapping) {
    throw new PermanentMessageError(
      `the integration's mapping cannot be used: ${mapping.problems.map(({ field, message }) => `${field}: ${message}`).join('; ')}`,
    );
  }
  return {
    oomnitzaRoleId: choices.oomnitzaRoleId,
    syncKey: choices.syncKey,
    fieldTargets: choices.fieldTargets,
    ...mapping,
    deriveMissingNames: choices.deriveMissingNames ?? true,
    saasActivity: choices.type === 'user_and_saas',
  };
}
