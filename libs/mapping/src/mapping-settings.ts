import { mappingTargetsOf, StandardZoomField, SyncKey, syncFieldFor } from '@zoom-oomnitza-sync/contracts';
import { FieldMappings } from './field-mappings';
import { UserFilter } from './user-filter';

/** What one integration chose: the rest is Oomnitza's standard Zoom mapping. */
export interface MappingSettings {
  oomnitzaRoleId: number;
  syncKey: SyncKey;
  fieldTargets: Partial<Record<StandardZoomField, string>>;
  /** The integration's own lines, written over the standard ones; none when absent. */
  fieldMappings?: FieldMappings;
  /** Which users are synced; all when absent. */
  filter?: UserFilter;
  /** A user without a first or last name gets derived ones instead of being rejected. */
  deriveMissingNames?: boolean;
  /** User plus SaaS user: records also carry what the SaaS user's activity needs beyond the person's fields. */
  saasActivity?: boolean;
}

export function targetsOf(settings: MappingSettings): Record<StandardZoomField, string> {
  return mappingTargetsOf(settings.fieldTargets);
}

/** The Oomnitza field records are matched on: Email's target, or Zoom ID's target. */
export function syncFieldOf(settings: MappingSettings): string {
  return syncFieldFor(settings.syncKey, targetsOf(settings));
}
