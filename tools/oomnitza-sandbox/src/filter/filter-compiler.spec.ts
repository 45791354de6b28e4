import { compileFilter, FilterFieldType, toUnixSeconds } from './filter-compiler';
import { FilterError } from './filter-parser';

const TYPES: Record<string, FilterFieldType> = {
  id: 'integer',
  username: 'string',
  email: 'string',
  role: 'integer',
  score: 'number',
  suspended: 'boolean',
  external_id: 'string',
  creation_date: 'date',
};

const people = [
  {
    id: 1,
    username: 'ann',
    email: 'ann@example.com',
    role: 25,
    score: 1.5,
    suspended: false,
    external_id: 'z-1',
    creation_date: 1_704_067_200,
  },
  { id: 2, username: 'bob', email: 'bob@example.com', role: 1, score: 3, suspended: true, external_id: null, creation_date: 1_706_745_600 },
  {
    id: 3,
    username: 'Anna_B',
    email: 'anna%b@example.org',
    role: 30,
    score: null,
    suspended: false,
    external_id: 'z-3',
    creation_date: null,
  },
];

function ids(filter: string): number[] {
  const { matches } = compileFilter(filter, (field) => TYPES[field]);
  return people.filter(matches).map((person) => person.id);
}

function errorOf(filter: string): string {
  try {
    compileFilter(filter, (field) => TYPES[field]);
  } catch (error) {
    if (error instanceof FilterError) {
      return error.message;
    }
    throw error;
  }
  throw new Error(`"${filter}" compiled without an error`);
}

describe('compileFilter', () => {
  it('compares strings exactly and numbers numerically', () => {
    expect(ids('email eq "bob@example.com"')).toEqual([2]);
    expect(ids('email eq "BOB@example.com"')).toEqual([]);
    expect(ids('role gte 25')).toEqual([1, 3]);
    expect(ids('role lt "25"')).toEqual([2]);
    expect(ids('score lte 1.5')).toEqual([1]);
    expect(ids('role ne 25')).toEqual([2, 3]);
  });

  it('reads dates as ISO-8601 or Unix seconds', () => {
    expect(ids('creation_date gte "2024-02-01T00:00:00Z"')).toEqual([2]);
    expect(ids('creation_date lt 1706745600')).toEqual([1]);
    expect(ids('creation_date BETWEEN "2024-01-01" AND "2024-01-31"')).toEqual([1]);
  });

  it('matches booleans from true/false literals and their string forms', () => {
    expect(ids('suspended eq true')).toEqual([2]);
    expect(ids('suspended eq "false"')).toEqual([1, 3]);
  });

  it('applies LIKE with % and _ and treats other characters literally', () => {
    expect(ids('username LIKE "an%"')).toEqual([1]);
    expect(ids('username LIKE "%n%"')).toEqual([1, 3]);
    expect(ids('username LIKE "b_b"')).toEqual([2]);
    expect(ids('username LIKE "b_"')).toEqual([]);
    expect(ids('username NOT LIKE "an%"')).toEqual([2, 3]);
    expect(ids('email LIKE "%.org"')).toEqual([3]);
    expect(ids('email LIKE "anna\\\\%b@%"')).toEqual([3]);
    expect(ids('email LIKE "ann\\\\%%"')).toEqual([]);
  });

  it('applies IN, NOT IN, BETWEEN and NOT BETWEEN', () => {
    expect(ids('role IN [1, 30]')).toEqual([2, 3]);
    expect(ids('role NOT IN [1, 30]')).toEqual([1]);
    expect(ids('role BETWEEN 1 AND 25')).toEqual([1, 2]);
    expect(ids('role NOT BETWEEN 1 AND 25')).toEqual([3]);
  });

  it('lets a missing value satisfy only IS NULL, while prefix NOT negates plainly', () => {
    expect(ids('external_id IS NULL')).toEqual([2]);
    expect(ids('external_id IS NOT NULL')).toEqual([1, 3]);
    expect(ids('external_id ne "z-1"')).toEqual([3]);
    expect(ids('external_id NOT IN ["z-1"]')).toEqual([3]);
    expect(ids('score NOT BETWEEN 0 AND 2')).toEqual([2]);
    expect(ids('not (external_id eq "z-1")')).toEqual([2, 3]);
  });

  it('evaluates and/or with precedence and parentheses', () => {
    expect(ids('role eq 1 or role eq 30 and suspended eq true')).toEqual([2]);
    expect(ids('(role eq 1 or role eq 30) and suspended eq false')).toEqual([3]);
    expect(ids('not suspended eq true and role gt 1')).toEqual([1, 3]);
  });

  it('rejects unknown fields and literals that do not fit the field', () => {
    expect(errorOf('nickname eq "x"')).toBe('Unknown field "nickname" at character 1');
    expect(errorOf('email eq "x" or shoe_size gt 9')).toBe('Unknown field "shoe_size" at character 17');
    expect(errorOf('role eq "admin"')).toBe('Field "role" holds integer values; "admin" is not one at character 9');
    expect(errorOf('suspended eq 2')).toBe('Field "suspended" holds boolean values; 2 is not one at character 14');
    expect(errorOf('email eq true')).toBe('Field "email" holds string values; true is not one at character 10');
    expect(errorOf('creation_date gt "yesterday"')).toBe(
      'Field "creation_date" holds dates: use an ISO-8601 string or Unix seconds, not "yesterday" at character 18',
    );
    expect(errorOf('role LIKE "2%"')).toBe('LIKE works on text fields; "role" holds integer values at character 1');
  });
});

describe('toUnixSeconds', () => {
  it('accepts Unix seconds and ISO-8601, and nothing else', () => {
    expect(toUnixSeconds(1_700_000_000)).toBe(1_700_000_000);
    expect(toUnixSeconds('1700000000')).toBe(1_700_000_000);
    expect(toUnixSeconds('2023-11-14T22:13:20Z')).toBe(1_700_000_000);
    expect(toUnixSeconds('2023-11-14T22:13:20.900Z')).toBe(1_700_000_000);
    expect(toUnixSeconds('not a date')).toBeUndefined();
    expect(toUnixSeconds('')).toBeUndefined();
    expect(toUnixSeconds(true)).toBeUndefined();
  });
});
