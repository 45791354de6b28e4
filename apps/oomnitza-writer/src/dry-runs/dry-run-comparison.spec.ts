import { compareWithOomnitza, sameValue } from './dry-run-comparison';

describe('comparing a dry run’s record with the person in Oomnitza', () => {
  it('takes a value written one way and read back another as the same', () => {
    expect(sameValue(1_700_000_000, '2023-11-14T22:13:20Z')).toBe(true);
    expect(sameValue(1_700_000_000, '2023-11-14T22:13:21Z')).toBe(false);
    expect(sameValue('2023-11-14T22:13:20.000Z', '2023-11-14T22:13:20Z')).toBe(true);
    expect(sameValue(5, '5')).toBe(true);
    expect(sameValue('0', 0)).toBe(true);
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue('Finance', 'finance')).toBe(false);
    expect(sameValue('', 'Finance')).toBe(false);
    expect(sameValue(true, 'true')).toBe(true);
    expect(sameValue(1, true)).toBe(false);
  });

  it('lists every field of a person to create, and each field of an update that differs with its value before and after', () => {
    const record = { EMAIL: 'ana@example.com', FIRST_NAME: 'Ana', DEPT: 'Finance', SYNC_TIME: '2026-01-01T00:00:00Z', PHONE: null };
    expect(compareWithOomnitza(record, undefined, 'create_and_update', 'SYNC_TIME')).toEqual({
      outcome: 'create',
      changes: [
        { field: 'EMAIL', before: null, after: 'ana@example.com' },
        { field: 'FIRST_NAME', before: null, after: 'Ana' },
        { field: 'DEPT', before: null, after: 'Finance' },
      ],
    });
    const person = { EMAIL: 'ana@example.com', FIRST_NAME: 'Ana', DEPT: 'Sales', SYNC_TIME: 1 };
    expect(compareWithOomnitza(record, person, 'create_and_update', 'SYNC_TIME')).toEqual({
      outcome: 'update',
      changes: [{ field: 'DEPT', before: 'Sales', after: 'Finance' }],
    });
    expect(compareWithOomnitza(record, { ...person, DEPT: 'Finance' }, 'create_and_update', 'SYNC_TIME')).toEqual({
      outcome: 'unchanged',
      changes: [],
    });
  });

  it('skips what the preference leaves alone, saying why', () => {
    const record = { EMAIL: 'ana@example.com' };
    expect(compareWithOomnitza(record, undefined, 'update_only', null)).toMatchObject({ outcome: 'skipped' });
    expect(compareWithOomnitza(record, { EMAIL: 'ana@example.com' }, 'create_only', null)).toEqual({
      outcome: 'skipped',
      changes: [],
      reason: 'already in Oomnitza, and the integration only creates',
    });
  });
});
