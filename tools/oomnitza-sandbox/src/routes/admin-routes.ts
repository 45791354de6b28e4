import { Router } from '@zoom-oomnitza-sync/devkit';
import { CUSTOM_FIELD_TYPES, CustomFieldInput, RoleDefinition, SaasRoleInput } from '../config';
import { FAULT_SETTINGS_SCHEMA, FaultSettingsInput } from '../faults/faults';
import { bodyValidator } from '../http/body-validator';
import { Handler } from '../http/request-context';
import { customFieldView } from '../people/people-schema';
import { runLogView } from '../runs/runs-store';
import { SandboxData } from '../state/sandbox-data';
import { exportState, summarizeState } from '../state/state-export';

const validateCanceled = bodyValidator<{ canceled: boolean }>({
  type: 'object',
  required: ['canceled'],
  additionalProperties: false,
  properties: { canceled: { type: 'boolean' } },
});

const validateCustomField = bodyValidator<CustomFieldInput>({
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    type: { enum: [...CUSTOM_FIELD_TYPES] },
    unique: { type: 'boolean' },
    values: { type: 'array', items: { type: 'string' }, minItems: 1 },
  },
});

const validateRole = bodyValidator<RoleDefinition>({
  type: 'object',
  required: ['id', 'name'],
  additionalProperties: false,
  properties: { id: { type: 'integer' }, name: { type: 'string', minLength: 1 } },
});

const validateSaasRole = bodyValidator<SaasRoleInput>({
  type: 'object',
  required: ['role_external_id', 'role_external_label'],
  additionalProperties: false,
  properties: { role_external_id: { type: 'string', minLength: 1 }, role_external_label: { type: 'string', minLength: 1 } },
});

const validateFaults = bodyValidator<FaultSettingsInput>(FAULT_SETTINGS_SCHEMA);

/** The sandbox's own API under /sandbox (header `x-sandbox-admin-key`): state, configuration, faults. */
export function registerAdminRoutes(router: Router<Handler>, data: SandboxData): void {
  router.add('POST', '/sandbox/reset', () => {
    data.reset();
    return { status: 204 };
  });

  router.add('GET', '/sandbox/state', () => ({ body: exportState(data) }));
  router.add('GET', '/sandbox/state/summary', () => ({ body: summarizeState(data) }));

  router.add('PUT', '/sandbox/portions/:portion/canceled', async ({ params, body }) => {
    const { canceled } = validateCanceled(await body());
    return { body: runLogView(data.runs.setCanceled(params.portion, canceled, new Date())) };
  });

  router.add('GET', '/sandbox/custom-fields', () => ({ body: data.schema.customFields.map(customFieldView) }));
  router.add('POST', '/sandbox/custom-fields', async ({ body }) => ({
    status: 201,
    body: customFieldView(data.defineCustomField(validateCustomField(await body()))),
  }));

  router.add('GET', '/sandbox/roles', () => ({ body: [...data.roles.values()] }));
  router.add('POST', '/sandbox/roles', async ({ body }) => ({ status: 201, body: data.addRole(validateRole(await body())) }));

  router.add('GET', '/sandbox/saas/roles', () => ({ body: data.saas.rolesWithCounts() }));
  router.add('POST', '/sandbox/saas/roles', async ({ body }) => ({ status: 201, body: data.saas.addRole(validateSaasRole(await body())) }));

  router.add('GET', '/sandbox/faults', () => ({ body: data.faults.snapshot() }));
  router.add('PUT', '/sandbox/faults', async ({ body }) => {
    data.faults.set(validateFaults(await body()));
    return { body: data.faults.snapshot() };
  });
  router.add('DELETE', '/sandbox/faults', () => {
    data.faults.set({});
    return { status: 204 };
  });
}
