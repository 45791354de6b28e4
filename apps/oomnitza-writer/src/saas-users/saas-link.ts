import { mappingTargetsOf, OomnitzaFieldValue, StandardZoomField } from '@zoom-oomnitza-sync/contracts';
import { IntegrationSettingsEntity } from '../integration-settings/integration-settings.entity';

/** The `SAAS` value of a bulk record: which SaaS app the person is a user of, and what that SaaS user carries. */
export type SaasValue = Record<string, OomnitzaFieldValue>;

/** Where a User plus SaaS user integration's people become SaaS users, and where its records keep role, status and last login. */
export interface SaasLink {
  saasId: string;
  targets: Record<StandardZoomField, string>;
}

/** The sync key Oomnitza's Zoom SaaS app is known by. */
const ZOOM_SAAS_SYNC_KEY = 'zoom';
/** Zoom's built-in roles; a custom role goes by its id alone. */
const ZOOM_ROLE_NAMES: Readonly<Record<string, string>> = { '0': 'Owner', '1': 'Admin', '2': 'Member' };
/** Zoom's plan types (the user's `type`), as its Users API names them. */
const ZOOM_PLAN_TYPES: Readonly<Record<string, string>> = {
  '1': 'Basic',
  '2': 'Licensed',
  '4': 'Unassigned without Meetings Basic',
  '99': 'None',
};

/** What a record says of its Zoom user beyond the person's fields. */
export interface SaasUserOfRecord {
  zoomUserId: string | null;
  lastClientVersion: string | null;
}

export function saasLinkOf(settings: IntegrationSettingsEntity | null): SaasLink | undefined {
  if (!settings || settings.type !== 'user_and_saas' || !settings.oomnitzaSaasId) {
    return undefined;
  }
  return { saasId: settings.oomnitzaSaasId, targets: mappingTargetsOf(settings.fieldTargets) };
}

/**
 * The `SAAS` value for a record of a User plus SaaS user integration. Oomnitza documents the link
 * (`sync_key`, `selected_saas_id`, `name`): the server makes the person a SaaS user of the app.
 * With `details`, it also carries what Oomnitza keeps on a SaaS user but documents no bulk key
 * for: the Zoom user id, the Zoom role, the status, the licence (Zoom's plan type), and as activity
 * the last login and the last client version, each only when the record has it (a webhook change
 * carries some fields only).
 */
export function saasValueOf(
  fields: Record<string, OomnitzaFieldValue>,
  user: SaasUserOfRecord,
  link: SaasLink,
  details: boolean,
): SaasValue {
  const value: SaasValue = { sync_key: ZOOM_SAAS_SYNC_KEY, selected_saas_id: link.saasId, name: 'Zoom' };
  if (!details) {
    return value;
  }
  const { role_id: role, status, last_login_time: lastLogin, type } = link.targets;
  const roleId = fields[role];
  const licence = type in fields ? ZOOM_PLAN_TYPES[String(fields[type])] : undefined;
  return {
    ...value,
    ...(user.zoomUserId ? { user_external_id: user.zoomUserId } : {}),
    ...(role in fields ? { role_external_id: roleId, role_external_label: ZOOM_ROLE_NAMES[String(roleId)] ?? null } : {}),
    ...(status in fields ? { status: fields[status] === 'active' ? 'active' : 'inactive' } : {}),
    ...(lastLogin in fields ? { last_activity_date: fields[lastLogin] } : {}),
    ...(licence ? { license_type: licence } : {}),
    ...(user.lastClientVersion ? { last_client_version: user.lastClientVersion } : {}),
  };
}
