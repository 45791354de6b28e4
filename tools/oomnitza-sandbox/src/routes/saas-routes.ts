import { Router } from '@zoom-oomnitza-sync/devkit';
import { bodyValidator } from '../http/body-validator';
import { HttpError } from '../http/http-error';
import { Handler } from '../http/request-context';
import { parseListQuery, selectPage } from '../listing/list-query';
import { SAAS_USER_FILTER_TYPES, SaasUser } from '../saas/saas-store';
import { nowSeconds, SandboxData } from '../state/sandbox-data';

const validateAssignments = bodyValidator<{ user_id: number; assign: boolean }[]>({
  type: 'array',
  items: {
    type: 'object',
    required: ['user_id', 'assign'],
    additionalProperties: false,
    properties: { user_id: { type: 'integer' }, assign: { type: 'boolean' } },
  },
});

const validateExternalId = bodyValidator<{ user_external_id: string | null }>({
  type: 'object',
  required: ['user_external_id'],
  additionalProperties: false,
  properties: { user_external_id: { type: ['string', 'null'] } },
});

const validateStatusChange = bodyValidator<{ saas_user_ids: unknown[] }>({
  type: 'object',
  required: ['saas_user_ids'],
  additionalProperties: false,
  properties: { saas_user_ids: { type: 'array', minItems: 1 } },
});

const saasUserFilterType = (field: string) => SAAS_USER_FILTER_TYPES[field];

function listSaasUsers(users: SaasUser[], query: URLSearchParams) {
  const { total, page } = selectPage(users as unknown as Record<string, unknown>[], parseListQuery(query, saasUserFilterType));
  return { body: page, headers: { 'x-total-count': String(total) } };
}

export function registerSaasRoutes(router: Router<Handler>, data: SandboxData): void {
  router.add('GET', '/api/v3/saas/:saasId', ({ params }) => ({ body: data.saas.requireApp(params.saasId) }));

  router.add('GET', '/api/v3/saas/:saasId/roles', ({ params }) => {
    data.saas.requireApp(params.saasId);
    return { body: data.saas.rolesWithCounts() };
  });

  router.add('GET', '/api/v3/saas/:saasId/users', ({ params, query }) => {
    data.saas.requireApp(params.saasId);
    return listSaasUsers(data.saas.all(), query);
  });

  // Assigns (creates the SaaS user of) or unassigns people; one result per item, in order.
  router.add('POST', '/api/v3/saas/:saasId/users', async ({ params, body }) => {
    data.saas.requireApp(params.saasId);
    const now = nowSeconds();
    return {
      body: validateAssignments(await body()).map(({ user_id, assign }) => {
        if (!data.people.get(user_id)) {
          return { user_id, assign, saas_user_id: null, error: `User ${user_id} not found` };
        }
        if (!assign) {
          const existing = data.saas.ofPerson(user_id);
          data.saas.unlinkPerson(user_id);
          return { user_id, assign, saas_user_id: existing?.saas_user_id ?? null, error: null };
        }
        return { user_id, assign, saas_user_id: data.saas.link(user_id, {}, now).saas_user_id, error: null };
      }),
    };
  });

  router.add('POST', '/api/v3/saas/:saasId/users/:userId', async ({ params, body }) => {
    data.saas.requireApp(params.saasId);
    const personId = /^\d+$/.test(params.userId) ? Number(params.userId) : undefined;
    if (personId === undefined || !data.people.get(personId)) {
      throw new HttpError(404, `User ${params.userId} not found`);
    }
    const { user_external_id } = validateExternalId(await body());
    return { body: data.saas.link(personId, { user_external_id }, nowSeconds()) };
  });

  router.add('GET', '/api/v3/saas_users', ({ query }) => listSaasUsers(data.saas.all(), query));

  router.add('PATCH', '/api/v3/saas_users/activate', async ({ body }) => ({
    body: data.saas.setStatus(validateStatusChange(await body()).saas_user_ids, 'active', nowSeconds()),
  }));

  router.add('PATCH', '/api/v3/saas_users/deactivate', async ({ body }) => ({
    body: data.saas.setStatus(validateStatusChange(await body()).saas_user_ids, 'inactive', nowSeconds()),
  }));
}
