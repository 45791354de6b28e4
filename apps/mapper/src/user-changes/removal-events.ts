import { ZoomRemoval, ZoomUserEvent } from '@zoom-oomnitza-sync/contracts';

const REMOVAL_EVENTS: Partial<Record<ZoomUserEvent, ZoomRemoval>> = {
  'user.deactivated': 'deactivated',
  'user.deleted': 'deleted',
  'user.disassociated': 'disassociated',
};

/** The removal a webhook event reports, if it takes the user away (deactivation included). */
export function removalOf(event: ZoomUserEvent): ZoomRemoval | undefined {
  return REMOVAL_EVENTS[event];
}
