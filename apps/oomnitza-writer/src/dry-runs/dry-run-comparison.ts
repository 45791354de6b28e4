import { OomnitzaFieldValue, SyncPreference } from '@zoom-oomnitza-sync/contracts';
import { DryRunOutcome, FieldChange } from './dry-run-user.entity';

export interface Comparison {
  outcome: Extract<DryRunOutcome, 'create' | 'update' | 'unchanged' | 'skipped'>;
  changes: FieldChange[];
  reason?: string;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Unix seconds of a date Oomnitza may hold as ISO-8601 text or as Unix seconds. */
function secondsOf(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : Math.floor(parsed / 1000);
  }
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) {
    return Number(value);
  }
  return undefined;
}

/**
 * Whether Oomnitza's value already is what the record would write. Oomnitza documents dates as
 * ISO-8601 or Unix seconds, and people's values come back typed by their field: a number written
 * as text, or a date written as ISO text and read as seconds, is the same value.
 */
export function sameValue(before: unknown, after: OomnitzaFieldValue): boolean {
  if (isEmpty(before) || isEmpty(after)) {
    return isEmpty(before) && isEmpty(after);
  }
  if (before === after || String(before) === String(after)) {
    return true;
  }
  const isDate = typeof after === 'string' && ISO_DATE.test(after);
  if (isDate || (typeof before === 'string' && ISO_DATE.test(before))) {
    const [left, right] = [secondsOf(before), secondsOf(after)];
    return left !== undefined && left === right;
  }
  return typeof before !== 'object' && typeof after !== 'boolean' && Number(before) === Number(after) && !Number.isNaN(Number(after));
}

/**
 * What writing `record` would do to `person` (undefined: nobody in Oomnitza has its sync key)
 * under the integration's preference. The run's time field changes every run and is left out.
 */
export function compareWithOomnitza(
  record: Record<string, OomnitzaFieldValue>,
  person: Record<string, unknown> | undefined,
  preference: SyncPreference,
  runTimeField: string | null,
): Comparison {
  const fields = Object.entries(record).filter(([field]) => field !== runTimeField);
  if (!person) {
    if (preference === 'update_only') {
      return { outcome: 'skipped', changes: [], reason: 'not in Oomnitza, and the integration only updates' };
    }
    return {
      outcome: 'create',
      changes: fields.filter(([, after]) => !isEmpty(after)).map(([field, after]) => ({ field, before: null, after })),
    };
  }
  if (preference === 'create_only') {
    return { outcome: 'skipped', changes: [], reason: 'already in Oomnitza, and the integration only creates' };
  }
  const changes = fields
    .filter(([field, after]) => !sameValue(person[field], after))
    .map(([field, after]) => ({ field, before: person[field] ?? null, after }));
  return changes.length > 0 ? { outcome: 'update', changes } : { outcome: 'unchanged', changes: [] };
}
