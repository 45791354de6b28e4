import { toUnixSeconds } from '../filter/filter-compiler';
import { FieldValueError } from '../people/field-values';
import { SaasLinkAttributes } from '../saas/saas-store';

export interface SaasReference {
  selected_saas_id?: unknown;
  sync_key?: unknown;
  name?: unknown;
  attributes: SaasLinkAttributes;
}

const REFERENCE_KEYS = new Set(['sync_key', 'selected_saas_id', 'name']);
const TEXT_ATTRIBUTES = ['user_external_id', 'role_external_id', 'role_external_label', 'license_type', 'last_client_version'] as const;

function text(value: unknown, key: string): string | null {
  if (value === null || value === '') {
    return null;
  }
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
    return String(value);
  }
  throw new FieldValueError(`SAAS.${key} must be text`);
}

/**
 * Reads a bulk record's `SAAS` value. Oomnitza's connector sends `{sync_key, name?}` (and the
 * platform may send `selected_saas_id`) to say which SaaS app the person uses. The sandbox also
 * accepts what Oomnitza keeps on a SaaS user but does not document a bulk key for:
 * `user_external_id` (the Zoom user id), `role_external_id`/`role_external_label` (the Zoom
 * role), `status` ("active" | "inactive"), `license_type`, `last_activity_date` and
 * `last_client_version`. Other keys are errors.
 */
export function parseSaasReference(value: unknown): SaasReference {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FieldValueError('SAAS must be an object such as {"sync_key": "zoom"}');
  }
  const source = value as Record<string, unknown>;
  const attributes: SaasLinkAttributes = {};
  for (const key of Object.keys(source)) {
    if (
      !REFERENCE_KEYS.has(key) &&
      !(TEXT_ATTRIBUTES as readonly string[]).includes(key) &&
      key !== 'status' &&
      key !== 'last_activity_date'
    ) {
      throw new FieldValueError(`Unknown key "${key}" in SAAS`);
    }
  }
  for (const key of TEXT_ATTRIBUTES) {
    if (source[key] !== undefined) {
      attributes[key] = text(source[key], key);
    }
  }
  if (source.status !== undefined) {
    if (source.status !== 'active' && source.status !== 'inactive') {
      throw new FieldValueError('SAAS.status must be "active" or "inactive"');
    }
    attributes.status = source.status;
  }
  if (source.last_activity_date !== undefined) {
    const seconds = source.last_activity_date === null ? null : toUnixSeconds(source.last_activity_date);
    if (seconds === undefined) {
      throw new FieldValueError('SAAS.last_activity_date must be a date (ISO-8601 or Unix seconds)');
    }
    attributes.last_activity_date = seconds;
  }
  return { selected_saas_id: source.selected_saas_id, sync_key: source.sync_key, name: source.name, attributes };
}
