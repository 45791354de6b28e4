import { createHash } from 'node:crypto';
import { OomnitzaFieldValue } from '@zoom-oomnitza-sync/contracts';

/** A stable hash of a record's fields (key order does not matter), leaving out the volatile ones. */
export function contentHash(fields: Record<string, OomnitzaFieldValue>, volatile: readonly string[] = []): string {
  const stable = Object.keys(fields)
    .filter((field) => !volatile.includes(field))
    .sort()
    .map((field) => [field, fields[field]]);
  return createHash('sha256').update(JSON.stringify(stable)).digest('hex');
}
