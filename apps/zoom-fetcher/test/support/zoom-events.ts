import { ZoomUserDto, ZoomUserEvent } from '@zoom-oomnitza-sync/contracts';

/** A user.* webhook body as Zoom sends it (users-webhooks.json): the operator is the account's owner. */
export function userEvent(
  event: ZoomUserEvent,
  accountId: string,
  object: ZoomUserDto & Record<string, unknown>,
  options: { eventTs?: number; oldObject?: Record<string, unknown>; creationType?: string } = {},
) {
  const eventTs = options.eventTs ?? Date.now();
  return {
    event,
    event_ts: eventTs,
    payload: {
      account_id: accountId,
      operator: 'owner@example.com',
      operator_id: 'owner-id',
      ...(options.creationType ? { creation_type: options.creationType } : {}),
      object,
      ...(options.oldObject ? { old_object: options.oldObject, time_stamp: eventTs } : {}),
    },
  };
}

/** user.updated: the id and the changed fields, their previous values in old_object. */
export function userUpdated(
  accountId: string,
  id: string,
  changes: Record<string, unknown>,
  before: Record<string, unknown>,
  eventTs?: number,
) {
  return userEvent('user.updated', accountId, { id, ...changes }, { eventTs, oldObject: { id, ...before } });
}
