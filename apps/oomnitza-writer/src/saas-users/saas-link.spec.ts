import { STANDARD_MAPPING } from '@zoom-oomnitza-sync/contracts';
import { saasValueOf } from './saas-link';

const link = { saasId: 'app-1', targets: { ...STANDARD_MAPPING } };

describe('the SAAS link of a User plus SaaS user record', () => {
  const fields = {
    EMAIL: 'ana@example.com',
    [STANDARD_MAPPING.role_id]: '1',
    [STANDARD_MAPPING.status]: 'inactive',
    [STANDARD_MAPPING.last_login_time]: '2026-11-01T10:00:00Z',
    [STANDARD_MAPPING.type]: 2,
  };
  const ana = { zoomUserId: 'z1', lastClientVersion: '6.2.11.5069(mac)' };

  it('names the app with the documented keys only, unless told to carry the details', () => {
    expect(saasValueOf(fields, ana, link, false)).toEqual({ sync_key: 'zoom', selected_saas_id: 'app-1', name: 'Zoom' });
  });

  it('carries the Zoom user id, role, status, licence type, and last login and client version as activity', () => {
    expect(saasValueOf(fields, ana, link, true)).toEqual({
      sync_key: 'zoom',
      selected_saas_id: 'app-1',
      name: 'Zoom',
      user_external_id: 'z1',
      role_external_id: '1',
      role_external_label: 'Admin',
      status: 'inactive',
      last_activity_date: '2026-11-01T10:00:00Z',
      license_type: 'Licensed',
      last_client_version: '6.2.11.5069(mac)',
    });
  });

  it("names each of Zoom's plan types, and leaves an unknown one out", () => {
    const licence = (type: number) => saasValueOf({ [STANDARD_MAPPING.type]: type }, ana, link, true).license_type;
    expect([1, 2, 4, 99, 3].map(licence)).toEqual(['Basic', 'Licensed', 'Unassigned without Meetings Basic', 'None', undefined]);
  });

  it('carries only what a webhook change holds: a pending user is inactive, a custom role has no name', () => {
    expect(saasValueOf({ [STANDARD_MAPPING.status]: 'pending' }, { zoomUserId: null, lastClientVersion: null }, link, true)).toEqual({
      sync_key: 'zoom',
      selected_saas_id: 'app-1',
      name: 'Zoom',
      status: 'inactive',
    });
    expect(saasValueOf({ [STANDARD_MAPPING.role_id]: '7f3a' }, { zoomUserId: 'z2', lastClientVersion: null }, link, true)).toMatchObject({
      role_external_id: '7f3a',
      role_external_label: null,
    });
  });
});
