import type { SyncKey } from '../messages/integration-changed/value';

/**
 * The standard Zoom user mapping of Oomnitza's Zoom integration: twelve Zoom sources and the
 * Oomnitza field each lands in unless the integration names another field id.
 */
export const STANDARD_MAPPING = {
  id: 'ZOOM_ID',
  connector_sync_time: 'CONNECTOR_SYNC_TIME',
  email: 'EMAIL',
  dept: 'DEPARTMENT',
  first_name: 'FIRST_NAME',
  last_name: 'LAST_NAME',
  pmi: 'ZOOM_PMI',
  role_id: 'ZOOM_ROLE_ID',
  status: 'ZOOM_STATUS',
  timezone: 'ZOOM_TIMEZONE',
  type: 'ZOOM_USER_TYPE',
  last_login_time: 'ZOOM_LAST_LOGIN_TIME',
} as const;

export type StandardZoomField = keyof typeof STANDARD_MAPPING;
export const STANDARD_ZOOM_FIELDS = Object.keys(STANDARD_MAPPING) as StandardZoomField[];

/** Oomnitza's own user fields the mapping always fills: Email goes to the username too. */
export const OOMNITZA_USERNAME_FIELD = 'USER';
export const OOMNITZA_ROLE_FIELD = 'PERMISSIONS_ID';

/** The Oomnitza field each standard Zoom field lands in: the integration's own target, else the standard one. */
export function mappingTargetsOf(fieldTargets: Partial<Record<StandardZoomField, string>>): Record<StandardZoomField, string> {
  return { ...STANDARD_MAPPING, ...fieldTargets };
}

/** The Oomnitza field records are matched on: Email's target, or Zoom ID's target. */
export function syncFieldFor(syncKey: SyncKey, targets: Record<StandardZoomField, string>): string {
  return syncKey === 'zoom_id' ? targets.id : targets.email;
}

/** The fields the platform fills itself, which no mapping line may write: Username, Role, and the targets of Email, Zoom ID and Connector Sync Time. */
export function platformFilledTargets(fieldTargets: Partial<Record<StandardZoomField, string>>): string[] {
  const targets = mappingTargetsOf(fieldTargets);
  return [OOMNITZA_USERNAME_FIELD, OOMNITZA_ROLE_FIELD, targets.email, targets.id, targets.connector_sync_time];
}
