import {
  OOMNITZA_ROLE_FIELD,
  OOMNITZA_USERNAME_FIELD,
  OomnitzaFieldValue,
  OomnitzaRecordDto,
  RecordErrorDto,
  ZoomUserDto,
} from '@zoom-oomnitza-sync/contracts';
import { MappingSettings, syncFieldOf, targetsOf } from './mapping-settings';

export type MappingOutcome = { record: OomnitzaRecordDto; rejection?: never } | { rejection: RecordErrorDto; record?: never };

export interface MappingContext {
  /** The run's time: Connector Sync Time on every record. */
  runStartedAt: string;
  /** When Zoom's data was read. */
  observedAt: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const blank = (value: string | undefined) => value === undefined || value.trim() === '';

/**
 * Maps one Zoom user with the standard mapping, or rejects it with the reason Oomnitza would
 * refuse it for: Oomnitza needs a username, an email, a first and a last name and a role.
 */
export function mapZoomUser(user: ZoomUserDto, settings: MappingSettings, context: MappingContext): MappingOutcome {
  const email = user.email?.trim();
  const reject = (reason: string): MappingOutcome => ({ rejection: { recordKey: email || user.id || '(no id or email)', reason } });
  if (!email) {
    return reject('email is missing: Oomnitza needs it as Username and Email');
  }
  if (!EMAIL.test(email)) {
    return reject(`email "${email}" is not an email address`);
  }
  if (blank(user.first_name)) {
    return reject('first name is missing: Oomnitza requires one');
  }
  if (blank(user.last_name)) {
    return reject('last name is missing: Oomnitza requires one');
  }
  if (settings.syncKey === 'zoom_id' && !user.id) {
    return reject('the user has no Zoom id yet (pending), and Zoom ID is the sync key');
  }

  const targets = targetsOf(settings);
  const fields: Record<string, OomnitzaFieldValue> = {
    [OOMNITZA_USERNAME_FIELD]: email,
    [targets.email]: email,
    [targets.first_name]: user.first_name!.trim(),
    [targets.last_name]: user.last_name!.trim(),
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
  };
  const syncKey = fields[syncFieldOf(settings)];
  return {
    record: { syncKey: String(syncKey), zoomUserId: user.id, fields, observedAt: context.observedAt },
  };
}
