import {
  OOMNITZA_ROLE_FIELD,
  OOMNITZA_USERNAME_FIELD,
  OomnitzaFieldValue,
  OomnitzaRecordDto,
  RecordErrorDto,
  ZoomUserDto,
} from '@zoom-oomnitza-sync/contracts';
import { deriveNames } from './derive-names';
import { MappingSettings, syncFieldOf, targetsOf } from './mapping-settings';

/** Why Oomnitza would refuse a user, as a metric label. */
export type MappingRefusal = 'email_missing' | 'email_invalid' | 'first_name_missing' | 'last_name_missing' | 'zoom_id_missing';

export type MappingOutcome =
  | { record: OomnitzaRecordDto; namesDerived: number; rejection?: never; refusal?: never; filtered?: never }
  | { rejection: RecordErrorDto; refusal: MappingRefusal; record?: never; filtered?: never }
  | { filtered: true; record?: never; rejection?: never; refusal?: never };

export interface MappingContext {
  /** Connector Sync Time on every record: the run's time, or for a webhook change when it was observed. */
  runStartedAt: string;
  /** When Zoom's data was read. */
  observedAt: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isEmailAddress = (text: string) => EMAIL.test(text);

export const notAnEmailAddress = (email: string) => `email "${email}" is not an email address`;

const blank = (value: string | undefined) => value === undefined || value.trim() === '';

/**
 * Maps one Zoom user with the standard mapping and the integration's own lines over it, leaves it
 * out when the integration's filter rules do, or rejects it with the reason Oomnitza would refuse
 * it for: Oomnitza needs a username, an email, a first and a last name and a role. Missing names
 * are derived when the integration says so.
 */
export function mapZoomUser(user: ZoomUserDto, settings: MappingSettings, context: MappingContext): MappingOutcome {
  if (settings.filter && !settings.filter.admits(user)) {
    return { filtered: true };
  }
  const email = user.email?.trim();
  const reject = (refusal: MappingRefusal, reason: string): MappingOutcome => ({
    rejection: { recordKey: email || user.id || '(no id or email)', reason },
    refusal,
  });
  if (!email) {
    return reject('email_missing', 'email is missing: Oomnitza needs it as Username and Email');
  }
  if (!isEmailAddress(email)) {
    return reject('email_invalid', notAnEmailAddress(email));
  }
  const names = settings.deriveMissingNames
    ? deriveNames(user)
    : { firstName: user.first_name?.trim(), lastName: user.last_name?.trim(), derived: [] };
  if (blank(names.firstName)) {
    return reject('first_name_missing', 'first name is missing: Oomnitza requires one');
  }
  if (blank(names.lastName)) {
    return reject('last_name_missing', 'last name is missing: Oomnitza requires one');
  }
  if (settings.syncKey === 'zoom_id' && !user.id) {
    return reject('zoom_id_missing', 'the user has no Zoom id yet (pending), and Zoom ID is the sync key');
  }

  const targets = targetsOf(settings);
  const fields: Record<string, OomnitzaFieldValue> = {
    [OOMNITZA_USERNAME_FIELD]: email,
    [targets.email]: email,
    [targets.first_name]: names.firstName!,
    [targets.last_name]: names.lastName!,
    [OOMNITZA_ROLE_FIELD]: settings.oomnitzaRoleId,
    [targets.id]: user.id ?? null,
    [targets.connector_sync_time]: context.runStartedAt,
    [targets.dept]: user.dept ?? null,
    [targets.pmi]: user.pmi ?? null,
    [targets.role_id]: user.role_id ?? null,
    [targets.status]: user.status ?? null,
    [targets.timezone]: user.timezone ?? null,
    [targets.type]: user.type ?? null,
    [targets.last_login_time]: user.last_login_time ?? null,
    ...settings.fieldMappings?.apply(user),
  };
  const syncKey = fields[syncFieldOf(settings)];
  return {
    record: { syncKey: String(syncKey), zoomUserId: user.id, ...saasActivityOf(user, settings), fields, observedAt: context.observedAt },
    namesDerived: names.derived.length,
  };
}

/** What a User plus SaaS user record carries for the SaaS user's activity, when Zoom says it. */
export function saasActivityOf(user: ZoomUserDto, settings: MappingSettings): { lastClientVersion?: string } {
  return settings.saasActivity && user.last_client_version ? { lastClientVersion: user.last_client_version } : {};
}
