import {
  OOMNITZA_USERNAME_FIELD,
  OomnitzaFieldValue,
  StandardZoomField,
  ZoomUserChangedValue,
  ZoomUserDto,
} from '@zoom-oomnitza-sync/contracts';
import { isEmailAddress, MappingSettings, notAnEmailAddress, saasActivityOf, syncFieldOf, targetsOf } from '@zoom-oomnitza-sync/mapping';
import { removalOf } from './removal-events';
import { UserChangeOutcome } from './user-change-outcome';

/**
 * Zoom Status for each removal: the person stays in Oomnitza and only Zoom Status says what
 * happened (the writer applies the integration's removal policy).
 */
const REMOVAL_STATUS = { deactivated: 'inactive', deleted: 'deleted', disassociated: 'disassociated' } as const;

/** Standard sources copied as Zoom sent them; email, names and id need more care. */
const PLAIN_SOURCES = [
  'dept',
  'pmi',
  'role_id',
  'status',
  'timezone',
  'type',
  'last_login_time',
] as const satisfies readonly StandardZoomField[];

/**
 * Maps a change that carries only the webhook's object into a partial record: the fields the
 * event changes, plus what identifies the person (the sync field and, when known, Zoom ID). A
 * field the object lacks is left out, never sent as null, so the writer keeps what it has.
 */
export function mapPartialChange(change: ZoomUserChangedValue, settings: MappingSettings, observedAt: string): UserChangeOutcome {
  const { user } = change;
  // Judged only on what the object carries: otherwise the writer's record and the next full sync decide.
  if (settings.filter?.canJudge(user) && !settings.filter.admits(user)) {
    return { skipped: 'filtered' };
  }
  const email = user.email?.trim() || undefined;
  const syncKey = settings.syncKey === 'email' ? email : user.id;
  if (!syncKey) {
    return { skipped: 'no_sync_key' };
  }

  const removal = removalOf(change.event);
  const removalStatus = removal && REMOVAL_STATUS[removal];
  const targets = targetsOf(settings);
  const writesEmail = settings.syncKey === 'email' || removalStatus === undefined;
  if (writesEmail && email !== undefined && !isEmailAddress(email)) {
    return { rejection: { recordKey: email, reason: notAnEmailAddress(email) }, refusal: 'email_invalid' };
  }

  const fields: Record<string, OomnitzaFieldValue> =
    removalStatus === undefined
      ? { ...carriedFields(user, targets), ...settings.fieldMappings?.apply(user, true) }
      : { [targets.status]: removalStatus };
  fields[syncFieldOf(settings)] = syncKey;
  if (user.id) {
    fields[targets.id] = user.id;
  }
  fields[targets.connector_sync_time] = observedAt;
  return { record: { syncKey, zoomUserId: user.id, ...saasActivityOf(user, settings), fields, partial: true, removal, observedAt } };
}

/** The standard mapping's fields the webhook object carries, Email into both Username and Email. */
function carriedFields(user: ZoomUserDto, targets: Record<StandardZoomField, string>): Record<string, OomnitzaFieldValue> {
  const fields: Record<string, OomnitzaFieldValue> = {};
  const email = user.email?.trim();
  if (email) {
    fields[OOMNITZA_USERNAME_FIELD] = email;
    fields[targets.email] = email;
  }
  // Oomnitza requires both names: a blank one is left out rather than written.
  const firstName = user.first_name?.trim();
  if (firstName) {
    fields[targets.first_name] = firstName;
  }
  const lastName = user.last_name?.trim();
  if (lastName) {
    fields[targets.last_name] = lastName;
  }
  for (const source of PLAIN_SOURCES) {
    const value = user[source];
    if (value !== undefined && value !== null) {
      fields[targets[source]] = value;
    }
  }
  return fields;
}
