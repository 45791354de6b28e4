import { ZoomUserChangedValue } from '@zoom-oomnitza-sync/contracts';
import { MappingSettings, mapZoomUser } from '@zoom-oomnitza-sync/mapping';
import { mapPartialChange } from './map-partial-change';
import { removalOf } from './removal-events';
import { UserChangeOutcome } from './user-change-outcome';

/**
 * Maps one webhook change. A whole user is mapped exactly as a full-sync page user, with the time
 * it was observed as Connector Sync Time (there is no run); a webhook object alone becomes a
 * partial record of what it changes. Either way a removal event says so in the record, so the
 * writer can apply the removal policy and the mass-removal circuit breaker.
 */
export function mapUserChange(change: ZoomUserChangedValue, settings: MappingSettings, observedAt: string): UserChangeOutcome {
  if (!change.complete) {
    return mapPartialChange(change, settings, observedAt);
  }
  const outcome = mapZoomUser(change.user, settings, { runStartedAt: observedAt, observedAt });
  if (outcome.filtered) {
    return { skipped: 'filtered' };
  }
  const removal = removalOf(change.event);
  return outcome.record ? { record: removal ? { ...outcome.record, removal } : outcome.record } : outcome;
}
