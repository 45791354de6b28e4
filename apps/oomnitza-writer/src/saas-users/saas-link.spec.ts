import { STANDARD_MAPPING } from '@zoom-oomnitza-sync/contracts';
import { saasValueOf } from './saas-link';

const link = { saasId: 'app-1', targets: { ...STANDARD_MAPPING } };

describe('the SAAS link of a User plus SaaS user record', () => {
  const fields = {
    EMAIL: 'ana@example.com',
    [STANDARD_MAPPING.role_id]: '1',
    [STANDARD_MAPPING.status]: 'inactive',
    [STANDARD_MAPPING.last_login_time]: '2026-11-01T10:00:00Z',
  };

  it('names the app with the documented keys only, unless told to carry the details', () => {
    expect(saasValueOf(fields, 'z1', link, false)).toEqual({ sync_key: 'zoom', selected_saas_id: 'app-1', name: 'Zoom' });
  });

  it('carries the Zoom user id, role, status and last login as activity', () => {
    expect(saasValueOf(fields, 'z1', link, true)).toEqual({
      sync_key: 'zoom',
      selected_saas_id: 'app-1',
      name: 'Zoom',
      user_external_id: 'z1',
      role_external_id: '1',
      role_external_label: 'Admin',
      status: 'inactive',
      last_activity_date: '2026-11-01T10:00:00Z',
    });
  });

  it('carries only what a webhook change holds: a pending user is inactive, a custom role has no name', () => {
    expect(saasValueOf({ [STANDARD_MAPPING.status]: 'pending' }, null, link, true)).toEqual({
      sync_key: 'zoom',
      selected_saas_id: 'app-1',
      name: 'Zoom',
      status: 'inactive',
    });
    expect(saasValueOf({ [STANDARD_MAPPING.role_id]: '7f3a' }, 'z2', link, true)).toMatchObject({
      role_external_id: '7f3a',
      role_external_label: null,
    });
  });
});
