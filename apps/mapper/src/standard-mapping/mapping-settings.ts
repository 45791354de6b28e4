import { mappingTargetsOf, StandardZoomField, SyncKey, syncFieldFor } from '@zoom-oomnitza-sync/contracts';

/** What one integration chose: the rest is Oomnitza's standard Zoom mapping. */
export interface MappingSettings {
  oomnitzaRoleId: number;
  syncKey: SyncKey;
  fieldTargets: Partial<Record<StandardZoomField, string>>;
}

export function targetsOf(settings: MappingSettings): Record<StandardZoomField, string> {
  return mappingTargetsOf(settings.fieldTargets);
}

/** The Oomnitza field records are matched on: Email's target, or Zoom ID's target. */
export function syncFieldOf(settings: MappingSettings): string {
  return syncFieldFor(settings.syncKey, targetsOf(settings));
}

/** The choices as the integration read model keeps them, where a role and sync key may still be missing. */
export interface StoredMappingChoices {
  oomnitzaRoleId: number | null;
  syncKey: SyncKey | null;
  fieldTargets: Partial<Record<StandardZoomField, string>>;
}

/** The integration's mapping, or undefined while it has no Oomnitza role or sync key. */
export function mappingSettingsOf(choices: StoredMappingChoices): MappingSettings | undefined {
  if (choices.oomnitzaRoleId === null || choices.syncKey === null) {
    return undefined;
  }
  return { oomnitzaRoleId: choices.oomnitzaRoleId, syncKey: choices.syncKey, fieldTargets: choices.fieldTargets };
}
