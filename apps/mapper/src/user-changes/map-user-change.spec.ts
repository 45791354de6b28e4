import { ZoomUserDto } from '@zoom-oomnitza-sync/contracts';
import { MappingSettings } from '@zoom-oomnitza-sync/mapping';
import { pendingObject, removedObject, wholeUser, zoomChange } from '../../test/support/zoom-changes';
import { mapUserChange } from './map-user-change';

const byEmail: MappingSettings = { oomnitzaRoleId: 4, syncKey: 'email', fieldTargets: { id: 'zoom_id_7f3a' } };
const byZoomId: MappingSettings = { ...byEmail, syncKey: 'zoom_id' };
const observedAt = '2026-11-27T10:05:00.123Z';

const change = zoomChange;

describe('mapping a Zoom webhook change', () => {
  describe('with the whole user', () => {
    it.each([
      ['user.created', undefined],
      ['user.updated', undefined],
      ['user.deleted', 'deleted'],
      ['user.deactivated', 'deactivated'],
      ['user.activated', undefined],
      ['user.disassociated', 'disassociated'],
      ['user.invitation_accepted', undefined],
    ] as const)('maps %s with the standard mapping, observedAt as Connector Sync Time, a removal as %s', (event, removal) => {
      expect(mapUserChange(change(event, wholeUser, { complete: true }), byEmail, observedAt)).toEqual({
        record: {
          syncKey: 'ada@example.com',
          zoomUserId: 'KDcuGIm1QgePTO8WbOqwIQ',
          ...(removal ? { removal } : {}),
          observedAt,
          fields: {
            USER: 'ada@example.com',
            EMAIL: 'ada@example.com',
            FIRST_NAME: 'Ada',
            LAST_NAME: 'Lovelace',
            PERMISSIONS_ID: 4,
            zoom_id_7f3a: 'KDcuGIm1QgePTO8WbOqwIQ',
            CONNECTOR_SYNC_TIME: observedAt,
            DEPARTMENT: 'Engineering',
            ZOOM_PMI: 3542471135,
            ZOOM_ROLE_ID: '2',
            ZOOM_STATUS: 'active',
            ZOOM_TIMEZONE: 'Europe/London',
            ZOOM_USER_TYPE: 2,
            ZOOM_LAST_LOGIN_TIME: '2026-11-20T08:00:00Z',
          },
        },
      });
    });

    it('keys a changed email by the new address and keeps Zoom ID in the record', () => {
      const renamed = change(
        'user.updated',
        { ...wholeUser, email: 'ada.king@example.com' },
        { complete: true, previous: { id: wholeUser.id, email: 'ada@example.com' } },
      );

      const { record } = mapUserChange(renamed, byEmail, observedAt);

      expect(record).toMatchObject({
        syncKey: 'ada.king@example.com',
        zoomUserId: 'KDcuGIm1QgePTO8WbOqwIQ',
        fields: { USER: 'ada.king@example.com', EMAIL: 'ada.king@example.com', zoom_id_7f3a: 'KDcuGIm1QgePTO8WbOqwIQ' },
      });
      expect(record?.partial).toBeUndefined();
    });

    it('keys by Zoom ID when that is the sync key, and refuses a user without one', () => {
      expect(mapUserChange(change('user.updated', wholeUser, { complete: true }), byZoomId, observedAt).record?.syncKey).toBe(
        'KDcuGIm1QgePTO8WbOqwIQ',
      );
      const withoutId = change('user.updated', { ...wholeUser, id: undefined }, { complete: true });
      expect(mapUserChange(withoutId, byZoomId, observedAt).refusal).toBe('zoom_id_missing');
    });

    it.each([
      [{ first_name: undefined }, 'first_name_missing'],
      [{ last_name: '  ' }, 'last_name_missing'],
      [{ email: undefined }, 'email_missing'],
    ])('refuses a user Oomnitza would refuse (%p) with a reason and its label', (overrides, refusal) => {
      const outcome = mapUserChange(change('user.updated', { ...wholeUser, ...overrides }, { complete: true }), byEmail, observedAt);

      expect(outcome.record).toBeUndefined();
      expect(outcome.refusal).toBe(refusal);
      expect(outcome.rejection?.recordKey).toBeTruthy();
    });
  });

  describe('with only the webhook object', () => {
    it.each([
      ['user.deactivated', 'inactive', 'deactivated'],
      ['user.deleted', 'deleted', 'deleted'],
      ['user.disassociated', 'disassociated', 'disassociated'],
    ] as const)('marks %s as Zoom Status %s and changes nothing else, the record saying it is a removal', (event, status, removal) => {
      expect(mapUserChange(change(event, removedObject), byEmail, observedAt)).toEqual({
        record: {
          syncKey: 'ada@example.com',
          zoomUserId: 'KDcuGIm1QgePTO8WbOqwIQ',
          partial: true,
          removal,
          observedAt,
          fields: {
            EMAIL: 'ada@example.com',
            zoom_id_7f3a: 'KDcuGIm1QgePTO8WbOqwIQ',
            ZOOM_STATUS: status,
            CONNECTOR_SYNC_TIME: observedAt,
          },
        },
      });
    });

    it('marks a removal by Zoom ID when that is the sync key, without the email', () => {
      expect(mapUserChange(change('user.deleted', removedObject), byZoomId, observedAt).record).toEqual({
        syncKey: 'KDcuGIm1QgePTO8WbOqwIQ',
        zoomUserId: 'KDcuGIm1QgePTO8WbOqwIQ',
        partial: true,
        removal: 'deleted',
        observedAt,
        fields: { zoom_id_7f3a: 'KDcuGIm1QgePTO8WbOqwIQ', ZOOM_STATUS: 'deleted', CONNECTOR_SYNC_TIME: observedAt },
      });
    });

    it.each(['user.created', 'user.updated', 'user.activated', 'user.invitation_accepted'] as const)(
      'maps what the %s object of a pending user carries, and nothing it lacks',
      (event) => {
        expect(mapUserChange(change(event, pendingObject), byEmail, observedAt)).toEqual({
          record: {
            syncKey: 'grace@example.com',
            zoomUserId: undefined,
            partial: true,
            observedAt,
            fields: {
              USER: 'grace@example.com',
              EMAIL: 'grace@example.com',
              FIRST_NAME: 'Grace',
              LAST_NAME: 'Hopper',
              ZOOM_USER_TYPE: 1,
              CONNECTOR_SYNC_TIME: observedAt,
            },
          },
        });
      },
    );

    it('carries the last client version an update object has, for a User plus SaaS user integration', () => {
      const updated = change('user.updated', { id: 'KDcuGIm1QgePTO8WbOqwIQ', last_client_version: '6.3.5.54827(win)' });
      expect(mapUserChange(updated, { ...byZoomId, saasActivity: true }, observedAt).record).toMatchObject({
        partial: true,
        lastClientVersion: '6.3.5.54827(win)',
      });
      expect(mapUserChange(updated, byZoomId, observedAt).record).not.toHaveProperty('lastClientVersion');
    });

    it('carries every standard field an update object has, under the integration’s targets', () => {
      const settings: MappingSettings = { ...byZoomId, fieldTargets: { id: 'zoom_id_7f3a', status: 'zoom_state_91c' } };
      const updated = change('user.updated', {
        id: 'KDcuGIm1QgePTO8WbOqwIQ',
        dept: '',
        pmi: 9876543210,
        timezone: 'America/New_York',
        role_id: '0',
        status: 'active',
        last_login_time: '2026-11-27T09:00:00Z',
      });

      expect(mapUserChange(updated, settings, observedAt).record?.fields).toEqual({
        zoom_id_7f3a: 'KDcuGIm1QgePTO8WbOqwIQ',
        DEPARTMENT: '',
        ZOOM_PMI: 9876543210,
        ZOOM_TIMEZONE: 'America/New_York',
        ZOOM_ROLE_ID: '0',
        zoom_state_91c: 'active',
        ZOOM_LAST_LOGIN_TIME: '2026-11-27T09:00:00Z',
        CONNECTOR_SYNC_TIME: observedAt,
      });
    });

    it('keys a changed email by the new address and keeps Zoom ID in the record', () => {
      const renamed = change(
        'user.updated',
        { id: 'KDcuGIm1QgePTO8WbOqwIQ', email: 'ada.king@example.com' },
        { previous: { id: 'KDcuGIm1QgePTO8WbOqwIQ', email: 'ada@example.com' } },
      );

      expect(mapUserChange(renamed, byEmail, observedAt).record).toEqual({
        syncKey: 'ada.king@example.com',
        zoomUserId: 'KDcuGIm1QgePTO8WbOqwIQ',
        partial: true,
        observedAt,
        fields: {
          USER: 'ada.king@example.com',
          EMAIL: 'ada.king@example.com',
          zoom_id_7f3a: 'KDcuGIm1QgePTO8WbOqwIQ',
          CONNECTOR_SYNC_TIME: observedAt,
        },
      });
    });

    it('leaves out missing and blank names rather than clearing them', () => {
      const fields = mapUserChange(change('user.created', { email: 'grace@example.com', first_name: ' ', type: 1 }), byEmail, observedAt)
        .record?.fields;

      expect(fields).toEqual({ USER: 'grace@example.com', EMAIL: 'grace@example.com', ZOOM_USER_TYPE: 1, CONNECTOR_SYNC_TIME: observedAt });
    });

    it.each([
      ['a pending user by Zoom ID', 'user.created', pendingObject, byZoomId],
      ['a removal by Zoom ID without an id', 'user.deactivated', { email: 'ada@example.com' }, byZoomId],
      ['a removal by email without an email', 'user.deleted', { id: 'KDcuGIm1QgePTO8WbOqwIQ' }, byEmail],
      ['an update by email with a blank email', 'user.updated', { id: 'KDcuGIm1QgePTO8WbOqwIQ', email: ' ', dept: 'R&D' }, byEmail],
    ] as const)('skips %s: the sync key cannot be derived', (_, event, user, settings) => {
      expect(mapUserChange(change(event, user), settings, observedAt)).toEqual({ skipped: 'no_sync_key' });
    });

    it('refuses an email that is not an address where it would be written or matched on', () => {
      const badEmail: ZoomUserDto = { id: 'KDcuGIm1QgePTO8WbOqwIQ', email: 'not-an-email' };

      expect(mapUserChange(change('user.updated', badEmail), byZoomId, observedAt)).toEqual({
        rejection: { recordKey: 'not-an-email', reason: 'email "not-an-email" is not an email address' },
        refusal: 'email_invalid',
      });
      expect(mapUserChange(change('user.deleted', badEmail), byEmail, observedAt).refusal).toBe('email_invalid');
    });

    it('marks a removal by Zoom ID whatever its email: the email is not written', () => {
      const badEmail: ZoomUserDto = { id: 'KDcuGIm1QgePTO8WbOqwIQ', email: 'not-an-email' };

      expect(mapUserChange(change('user.deleted', badEmail), byZoomId, observedAt).record?.fields).toEqual({
        zoom_id_7f3a: 'KDcuGIm1QgePTO8WbOqwIQ',
        ZOOM_STATUS: 'deleted',
        CONNECTOR_SYNC_TIME: observedAt,
      });
    });
  });
});
