import { createHash } from 'node:crypto';
import type { FaultSettingsInput } from './faults/faults';

/** An Oomnitza role: people carry its id in `role` (bulk field `PERMISSIONS_ID`). */
export interface RoleDefinition {
  id: number;
  name: string;
}

export const CUSTOM_FIELD_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'dropdown'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldInput {
  /** The label people see, e.g. "Zoom ID". */
  name: string;
  type?: CustomFieldType;
  unique?: boolean;
  /** The allowed values of a dropdown field. */
  values?: string[];
}

export interface SaasRoleInput {
  role_external_id: string;
  role_external_label: string;
}

export interface SaasAppOptions {
  id?: string;
  name?: string;
  /** What a bulk record's `SAAS.sync_key` names to link a person to this app. */
  syncKey?: string;
  roles?: SaasRoleInput[];
}

/**
 * What the portion endpoints answer: `full` (the portion's status, times and counts, as the
 * sandbox chooses) or `documented` (all Oomnitza documents: `GET /api/v3/bulk/{portion}` answers
 * `{canceled}` and finalize answers `{}`), so clients prove they need nothing more.
 */
export const PORTION_ANSWERS = ['full', 'documented'] as const;
export type PortionAnswers = (typeof PORTION_ANSWERS)[number];

export interface OomnitzaSandboxOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** The API token clients send in `Authorization2`; generated when omitted. */
  token?: string;
  /** The key of the /sandbox admin API (header `x-sandbox-admin-key`); generated when omitted. */
  adminKey?: string;
  /** Replaces the default roles. */
  roles?: RoleDefinition[];
  /** Replaces the default custom fields (a unique "Zoom ID"). */
  customFields?: CustomFieldInput[];
  saas?: SaasAppOptions;
  faults?: FaultSettingsInput;
  /** Default `full`. */
  portionAnswers?: PortionAnswers;
  /** false: no field catalogue nor roles route (Oomnitza documents neither); default true. */
  catalogue?: boolean;
}

export const DEFAULT_ROLES: readonly RoleDefinition[] = [
  { id: 1, name: 'Administrator' },
  { id: 2, name: 'Manager' },
  { id: 25, name: 'Employee' },
];

export const ZOOM_ID_FIELD: CustomFieldInput = { name: 'Zoom ID', type: 'string', unique: true };

export const DEFAULT_SAAS: Required<SaasAppOptions> = {
  id: '8d4c2f0e-6b1a-4f3e-9c57-2a0b7e5d1f63',
  name: 'Zoom',
  syncKey: 'zoom',
  roles: [
    { role_external_id: '0', role_external_label: 'Owner' },
    { role_external_id: '1', role_external_label: 'Admin' },
    { role_external_id: '2', role_external_label: 'Member' },
  ],
};

/**
 * Oomnitza gives each custom field a generated 32-hex id that bulk records use as the key. The
 * sandbox derives it from the name, so "Zoom ID" has the same id on every start and a platform
 * configuration can name it: see customFieldId('Zoom ID').
 */
export function customFieldId(name: string): string {
  return createHash('md5').update(`users.${name.trim().toLowerCase()}`).digest('hex').toUpperCase();
}
