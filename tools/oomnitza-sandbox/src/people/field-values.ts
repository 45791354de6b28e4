import { toUnixSeconds } from '../filter/filter-compiler';
import { FieldDefinition } from './people-schema';

export type PersonValue = string | number | boolean | null;

/** A value that does not fit its field; the message names the field as the caller named it. */
export class FieldValueError extends Error {}

const TRUE_WORDS = new Set(['true', '1', 'yes']);
const FALSE_WORDS = new Set(['false', '0', 'no']);

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/**
 * Converts what a client sent to the field's stored form. Empty strings and null clear a field.
 * Dates are stored as Unix seconds and accepted as Unix seconds or ISO-8601 (as Oomnitza accepts
 * both); booleans also as "true"/"false"/"yes"/"no"/1/0; a role must be one of `roleIds`.
 */
export function coerceFieldValue(field: FieldDefinition, raw: unknown, name: string, roleIds: ReadonlySet<number>): PersonValue {
  if (raw === null || raw === undefined || raw === '') {
    return null;
  }
  switch (field.type) {
    case 'string':
      if (typeof raw === 'string') {
        return raw;
      }
      if (typeof raw === 'number' && Number.isFinite(raw)) {
        return String(raw);
      }
      break;
    case 'dropdown':
      if (typeof raw === 'string' && field.values?.includes(raw)) {
        return raw;
      }
      throw new FieldValueError(`${describe(raw)} is not one of the values of ${name} (${field.values?.join(', ')})`);
    case 'integer':
    case 'number':
    case 'role': {
      const number = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof number !== 'number' || !Number.isFinite(number) || (field.type !== 'number' && !Number.isInteger(number))) {
        break;
      }
      if (field.type === 'role' && !roleIds.has(number)) {
        throw new FieldValueError(`Unknown role ${describe(raw)} in ${name}`);
      }
      return number;
    }
    case 'boolean':
      if (typeof raw === 'boolean') {
        return raw;
      }
      if ((typeof raw === 'string' || typeof raw === 'number') && TRUE_WORDS.has(String(raw).toLowerCase())) {
        return true;
      }
      if ((typeof raw === 'string' || typeof raw === 'number') && FALSE_WORDS.has(String(raw).toLowerCase())) {
        return false;
      }
      break;
    case 'date': {
      const seconds = toUnixSeconds(raw);
      if (seconds !== undefined) {
        return seconds;
      }
      throw new FieldValueError(`${describe(raw)} in ${name} is not a date (ISO-8601 or Unix seconds)`);
    }
  }
  throw new FieldValueError(`${describe(raw)} in ${name} is not a valid ${field.type === 'role' ? 'role id' : field.type}`);
}
