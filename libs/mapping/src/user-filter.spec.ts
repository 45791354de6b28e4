import { UserFiltersDto } from '@zoom-oomnitza-sync/contracts';
import { UserFilter } from './user-filter';

function filterOf(filters: UserFiltersDto): UserFilter {
  const filter = UserFilter.compile(filters);
  if (!(filter instanceof UserFilter)) {
    throw new Error(filter.problems.join('; '));
  }
  return filter;
}

const licensed = { email: 'ana@example.com', type: 2, dept: 'Finance', created_at: '2024-02-01T10:00:00Z', group_ids: ['g1'] };
const basic = { email: 'bo@example.com', type: 1, dept: 'Sales', created_at: '2020-01-01T00:00:00Z', group_ids: [] };
const contractor = { email: 'cy@Contractor.Example.com', type: 2, dept: '', created_at: '2025-06-01T00:00:00Z' };

describe('filter rules', () => {
  it('without rules, every user is synced', () => {
    expect(UserFilter.compile(undefined)).toBe(UserFilter.NONE);
    expect(UserFilter.NONE.admits(basic)).toBe(true);
  });

  it('only licensed users, excluding a domain', () => {
    const filter = filterOf({
      include: { match: 'all', rules: [{ source: 'type', op: 'equals', value: 2 }] },
      exclude: { match: 'any', rules: [{ source: 'email', op: 'matches', value: '@contractor\\.example\\.com$' }] },
    });
    expect([licensed, basic, contractor].map((user) => filter.admits(user))).toEqual([true, false, false]);
  });

  it('in, is empty, before and after, combined with all and any', () => {
    const inFinance = filterOf({ include: { match: 'all', rules: [{ source: 'dept', op: 'in', values: ['finance', 'Legal'] }] } });
    expect([licensed, basic, contractor].map((user) => inFinance.admits(user))).toEqual([true, false, false]);
    const noDept = filterOf({ exclude: { match: 'all', rules: [{ source: 'dept', op: 'is_empty' }] } });
    expect([licensed, basic, contractor].map((user) => noDept.admits(user))).toEqual([true, true, false]);
    const recent = filterOf({
      include: {
        match: 'all',
        rules: [
          { source: 'created_at', op: 'after', value: '2023-01-01' },
          { source: 'created_at', op: 'before', value: 1_767_225_600 },
        ],
      },
    });
    expect([licensed, basic, contractor].map((user) => recent.admits(user))).toEqual([true, false, true]);
    const either = filterOf({
      include: {
        match: 'any',
        rules: [
          { source: 'group_ids', op: 'equals', value: 'g1' },
          { source: 'dept', op: 'equals', value: 'sales' },
        ],
      },
    });
    expect([licensed, basic, contractor].map((user) => either.admits(user))).toEqual([true, true, false]);
  });

  it('says which fields a webhook object must carry to be judged alone', () => {
    const filter = filterOf({ exclude: { match: 'any', rules: [{ source: 'email', op: 'matches', value: 'x' }] } });
    expect(filter.canJudge({ id: 'z', email: 'a@b.c' })).toBe(true);
    expect(filter.canJudge({ id: 'z', dept: 'Sales' })).toBe(false);
  });

  it('names every problem of every rule', () => {
    expect(
      UserFilter.compile({
        include: {
          match: 'all',
          rules: [
            { source: 'nickname', op: 'equals', value: 'x' },
            { source: 'dept', op: 'in' },
            { source: 'dept', op: 'equals' },
          ],
        },
        exclude: {
          match: 'any',
          rules: [
            { source: 'email', op: 'matches', value: '[' },
            { source: 'created_at', op: 'before', value: 'yesterday' },
          ],
        },
      }),
    ).toEqual({
      problems: [
        { field: 'filters.include.rules[0].source', message: '"nickname" is not a Zoom user field' },
        { field: 'filters.include.rules[1].values', message: 'in needs values, a list' },
        { field: 'filters.include.rules[2].value', message: 'equals needs a value' },
        { field: 'filters.exclude.rules[0].value', message: expect.stringMatching(/^not a valid regular expression: /) },
        { field: 'filters.exclude.rules[1].value', message: '"yesterday" is not a date' },
      ],
    });
  });
});
