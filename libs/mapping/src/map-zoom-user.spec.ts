import { ZoomUserDto } from '@zoom-oomnitza-sync/contracts';
import { mapZoomUser } from './map-zoom-user';
import { MappingSettings, syncFieldOf } from './mapping-settings';

const settings: MappingSettings = { oomnitzaRoleId: 4, syncKey: 'email', fieldTargets: { id: 'zoom_id_7f3a' } };
const context = { runStartedAt: '2026-11-27T10:00:00.000Z', observedAt: '2026-11-27T10:00:05.000Z' };

const zoomUser = (overrides: Partial<ZoomUserDto> = {}): ZoomUserDto => ({
  id: 'KDcuGIm1QgePTO8WbOqwIQ',
  email: 'Ünal.Çelik@example.com',
  first_name: 'Ünal',
  last_name: 'Çelik',
  type: 2,
  pmi: 3542471135,
  timezone: 'Europe/Istanbul',
  dept: 'Finance',
  role_id: '2',
  status: 'active',
  last_login_time: '2026-11-20T08:00:00Z',
  ...overrides,
});

describe('the standard Zoom mapping', () => {
  it('fills all twelve standard fields, Email into both Username and Email, and the chosen role', () => {
    const { record } = mapZoomUser(zoomUser(), settings, context);
    expect(record).toEqual({
      syncKey: 'Ünal.Çelik@example.com',
      zoomUserId: 'KDcuGIm1QgePTO8WbOqwIQ',
      observedAt: context.observedAt,
      fields: {
        USER: 'Ünal.Çelik@example.com',
        EMAIL: 'Ünal.Çelik@example.com',
        FIRST_NAME: 'Ünal',
        LAST_NAME: 'Çelik',
        PERMISSIONS_ID: 4,
        zoom_id_7f3a: 'KDcuGIm1QgePTO8WbOqwIQ',
        CONNECTOR_SYNC_TIME: '2026-11-27T10:00:00.000Z',
        DEPARTMENT: 'Finance',
        ZOOM_PMI: 3542471135,
        ZOOM_ROLE_ID: '2',
        ZOOM_STATUS: 'active',
        ZOOM_TIMEZONE: 'Europe/Istanbul',
        ZOOM_USER_TYPE: 2,
        ZOOM_LAST_LOGIN_TIME: '2026-11-20T08:00:00Z',
      },
    });
  });

  it('adds the last client version, no person field, to the records of a User plus SaaS user integration only', () => {
    const used = zoomUser({ last_client_version: '6.2.11.5069(mac)' });
    expect(mapZoomUser(used, { ...settings, saasActivity: true }, context).record?.lastClientVersion).toBe('6.2.11.5069(mac)');
    expect(mapZoomUser(used, settings, context).record).not.toHaveProperty('lastClientVersion');
    expect(mapZoomUser(zoomUser(), { ...settings, saasActivity: true }, context).record).not.toHaveProperty('lastClientVersion');
    expect(Object.values(mapZoomUser(used, { ...settings, saasActivity: true }, context).record?.fields ?? {})).not.toContain(
      '6.2.11.5069(mac)',
    );
  });

  it('sends null for what Zoom left out, so Oomnitza clears stale values', () => {
    const { record } = mapZoomUser(zoomUser({ dept: undefined, last_login_time: undefined, pmi: undefined }), settings, context);
    expect(record?.fields).toMatchObject({ DEPARTMENT: null, ZOOM_LAST_LOGIN_TIME: null, ZOOM_PMI: null });
  });

  it('maps a pending user (no Zoom id) when Email is the sync key', () => {
    const { record } = mapZoomUser(zoomUser({ id: undefined, status: 'pending' }), settings, context);
    expect(record).toMatchObject({ syncKey: 'Ünal.Çelik@example.com', zoomUserId: undefined, fields: { zoom_id_7f3a: null } });
  });

  it('matches on the Zoom ID field when that is the sync key', () => {
    const byZoomId: MappingSettings = { ...settings, syncKey: 'zoom_id' };
    expect(syncFieldOf(byZoomId)).toBe('zoom_id_7f3a');
    expect(syncFieldOf(settings)).toBe('EMAIL');
    expect(mapZoomUser(zoomUser(), byZoomId, context).record?.syncKey).toBe('KDcuGIm1QgePTO8WbOqwIQ');
    expect(mapZoomUser(zoomUser({ id: undefined }), byZoomId, context)).toMatchObject({
      rejection: { reason: expect.stringMatching(/no Zoom id/) },
      refusal: 'zoom_id_missing',
    });
  });

  it.each([
    [{ email: undefined }, 'KDcuGIm1QgePTO8WbOqwIQ', /email is missing/, 'email_missing'],
    [{ email: 'not-an-email' }, 'not-an-email', /not an email address/, 'email_invalid'],
    [{ first_name: ' ' }, 'Ünal.Çelik@example.com', /first name is missing/, 'first_name_missing'],
    [{ last_name: undefined }, 'Ünal.Çelik@example.com', /last name is missing/, 'last_name_missing'],
  ])('rejects %p with a reason, keyed by what identifies the user', (overrides, recordKey, reason, refusal) => {
    const { rejection, record, refusal: labelled } = mapZoomUser(zoomUser(overrides), settings, context);
    expect(record).toBeUndefined();
    expect(rejection?.recordKey).toBe(recordKey);
    expect(rejection?.reason).toMatch(reason);
    expect(labelled).toBe(refusal);
  });
});
