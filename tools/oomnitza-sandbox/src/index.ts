export { createOomnitzaSandbox } from './sandbox';
export type { OomnitzaSandbox, OomnitzaSandboxState } from './sandbox';
export { customFieldId, DEFAULT_ROLES, DEFAULT_SAAS, PORTION_ANSWERS, ZOOM_ID_FIELD } from './config';
export type {
  CustomFieldInput,
  CustomFieldType,
  OomnitzaSandboxOptions,
  PortionAnswers,
  RoleDefinition,
  SaasAppOptions,
  SaasRoleInput,
} from './config';
export type { FaultSettingsInput } from './faults/faults';
export type { SandboxStateExport, SandboxStateSummary } from './state/state-export';
export { MAX_RECORDS_PER_REQUEST } from './bulk/bulk-payload';
export type { BulkPayload } from './bulk/bulk-payload';
