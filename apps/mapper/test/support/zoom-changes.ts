import { ZoomUserChangedValue, ZoomUserDto, ZoomUserEvent } from '@zoom-oomnitza-sync/contracts';

export const ZOOM_ID = 'KDcuGIm1QgePTO8WbOqwIQ';

/** A user as GET /users/{id} shows it. */
export const wholeUser: ZoomUserDto = {
  id: ZOOM_ID,
  email: 'ada@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
  type: 2,
  pmi: 3542471135,
  timezone: 'Europe/London',
  dept: 'Engineering',
  role_id: '2',
  status: 'active',
  last_login_time: '2026-11-20T08:00:00Z',
};

/** The object Zoom's removal webhooks carry. */
export const removedObject: ZoomUserDto = { id: ZOOM_ID, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', type: 2 };

/** A pending user: invited, not yet in the account, so Zoom gives it no id. */
export const pendingObject: ZoomUserDto = { email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper', type: 1 };

/** A zoom.user.changed payload: the webhook object alone unless `extra` says `complete`. */
export const zoomChange = (event: ZoomUserEvent, user: ZoomUserDto, extra: Partial<ZoomUserChangedValue> = {}): ZoomUserChangedValue => ({
  event,
  eventTs: 1795860300123,
  user,
  complete: false,
  ...extra,
});
