import { LocalStack, request } from '@zoom-oomnitza-sync/local-platform';

/** The third scenario's mapping: ten transformed fields and two filters, on fields GET /users lists (no per-user reads). */
export const LINES = [
  { name: 'Bench Department', source: 'dept', transforms: [{ op: 'trim' }, { op: 'upper' }, { op: 'default', value: 'UNASSIGNED' }] },
  { name: 'Bench Full Name', transforms: [{ op: 'template', template: '{first_name} {last_name}' }] },
  {
    name: 'Bench Role',
    source: 'role_id',
    transforms: [{ op: 'lookup', table: { '0': 'Owner', '1': 'Admin', '2': 'Member' }, value: 'Other' }],
  },
  { name: 'Bench Created', source: 'created_at', transforms: [{ op: 'date', format: 'unix' }] },
  { name: 'Bench Last Login', source: 'last_login_time', transforms: [{ op: 'date', format: 'iso' }] },
  { name: 'Bench Mail Domain', source: 'email', transforms: [{ op: 'lower' }, { op: 'regex_replace', pattern: '^.*@', replacement: '' }] },
  { name: 'Bench PMI', source: 'pmi', transforms: [{ op: 'number' }] },
  {
    name: 'Bench Client',
    source: 'last_client_version',
    transforms: [{ op: 'regex_replace', pattern: '\\((\\w+)\\)$', replacement: ' $1' }],
  },
  { name: 'Bench Employee', transforms: [{ op: 'first_non_empty', sources: ['employee_unique_id', 'id'] }] },
  { name: 'Bench Groups', source: 'group_ids', transforms: [{ op: 'default', value: 'none' }] },
];

export const FILTERS = {
  include: { match: 'all', rules: [{ source: 'type', op: 'in', values: [1, 2, 4] }] },
  exclude: { match: 'any', rules: [{ source: 'email', op: 'matches', value: '@contractor\\.example\\.com$' }] },
};

/** Defines the lines' fields in the Oomnitza sandbox, as an admin adding new fields would, and gives the integration the mapping. */
export async function useTenTransformedFields(stack: LocalStack): Promise<void> {
  const fieldMappings = [];
  for (const { name, ...line } of LINES) {
    const response = await fetch(`${stack.oomnitza.url}/sandbox/custom-fields`, {
      method: 'POST',
      headers: { 'x-sandbox-admin-key': stack.oomnitza.adminKey, 'content-type': 'application/json' },
      body: JSON.stringify({ name, type: 'string' }),
    });
    if (response.status !== 201) {
      throw new Error(`defining ${name} failed: ${response.status} ${await response.text()}`);
    }
    fieldMappings.push({ target: ((await response.json()) as { id: string }).id, ...line });
  }
  const updated = await request(`${stack.scheduler.baseUrl}/integrations/${stack.setup.integrationId}`, {
    method: 'PATCH',
    key: stack.setup.schedulerKey,
    body: { fieldMappings, filters: FILTERS },
  });
  if (updated.status !== 200) {
    throw new Error(`the mapping was refused: ${updated.status} ${JSON.stringify(updated.body)}`);
  }
}
