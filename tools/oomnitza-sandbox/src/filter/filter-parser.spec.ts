import { FilterError, FilterNode, parseFilter } from './filter-parser';

function errorOf(source: string): FilterError {
  try {
    parseFilter(source);
  } catch (error) {
    if (error instanceof FilterError) {
      return error;
    }
    throw error;
  }
  throw new Error(`"${source}" parsed without an error`);
}

/** A compact rendering of the tree that makes precedence visible. */
function shape(node: FilterNode): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${shape(node.left)} ${node.kind} ${shape(node.right)})`;
    case 'not':
      return `not ${shape(node.operand)}`;
    case 'compare':
      return `${node.field} ${node.operator} ${JSON.stringify(node.value.value)}`;
    case 'like':
      return `${node.field} ${node.negated ? 'not ' : ''}like ${JSON.stringify(node.pattern.value)}`;
    case 'in':
      return `${node.field} ${node.negated ? 'not ' : ''}in [${node.values.map((value) => JSON.stringify(value.value)).join(',')}]`;
    case 'between':
      return `${node.field} ${node.negated ? 'not ' : ''}between ${JSON.stringify(node.low.value)} and ${JSON.stringify(node.high.value)}`;
    case 'null':
      return `${node.field} is ${node.negated ? 'not ' : ''}null`;
  }
}

describe('parseFilter', () => {
  it('parses each comparison operator with its literal type', () => {
    expect(shape(parseFilter('email eq "a@b.c"'))).toBe('email eq "a@b.c"');
    expect(shape(parseFilter("email ne 'a@b.c'"))).toBe('email ne "a@b.c"');
    expect(shape(parseFilter('role lt 30'))).toBe('role lt 30');
    expect(shape(parseFilter('role lte -2.5'))).toBe('role lte -2.5');
    expect(shape(parseFilter('creation_date gt 1700000000'))).toBe('creation_date gt 1700000000');
    expect(shape(parseFilter('creation_date gte "2024-01-01T00:00:00Z"'))).toBe('creation_date gte "2024-01-01T00:00:00Z"');
    expect(shape(parseFilter('suspended eq TRUE'))).toBe('suspended eq true');
    expect(shape(parseFilter('suspended eq false'))).toBe('suspended eq false');
  });

  it('keeps numbers and quoted digits apart', () => {
    const number = parseFilter('phone_number eq 5551234') as Extract<FilterNode, { kind: 'compare' }>;
    const text = parseFilter('phone_number eq "5551234"') as Extract<FilterNode, { kind: 'compare' }>;
    expect(number.value).toEqual({ type: 'number', value: 5551234, position: 17 });
    expect(text.value).toEqual({ type: 'string', value: '5551234', position: 17 });
  });

  it('binds AND tighter than OR, and NOT tighter than AND', () => {
    expect(shape(parseFilter('a eq 1 or b eq 2 and c eq 3'))).toBe('(a eq 1 or (b eq 2 and c eq 3))');
    expect(shape(parseFilter('a eq 1 and b eq 2 or c eq 3'))).toBe('((a eq 1 and b eq 2) or c eq 3)');
    expect(shape(parseFilter('not a eq 1 and b eq 2'))).toBe('(not a eq 1 and b eq 2)');
    expect(shape(parseFilter('a eq 1 or b eq 2 or c eq 3'))).toBe('((a eq 1 or b eq 2) or c eq 3)');
  });

  it('lets parentheses override precedence, nested to any depth', () => {
    expect(shape(parseFilter('(a eq 1 or b eq 2) and c eq 3'))).toBe('((a eq 1 or b eq 2) and c eq 3)');
    expect(shape(parseFilter('not (a eq 1 or (b eq 2 and (c eq 3)))'))).toBe('not (a eq 1 or (b eq 2 and c eq 3))');
  });

  it('reads keywords and operators in any case', () => {
    expect(shape(parseFilter('a EQ 1 AND b Like "x%" Or c iN [1] aNd d Is NoT nUlL'))).toBe(
      '((a eq 1 and b like "x%") or (c in [1] and d is not null))',
    );
  });

  it('parses IN lists in brackets or parentheses, mixing literal types', () => {
    expect(shape(parseFilter('role IN [1, 25,30]'))).toBe('role in [1,25,30]');
    expect(shape(parseFilter('email in (\'a@b.c\', "d@e.f")'))).toBe('email in ["a@b.c","d@e.f"]');
    expect(shape(parseFilter('role NOT IN [1]'))).toBe('role not in [1]');
  });

  it('parses BETWEEN, whose AND belongs to it rather than to the boolean chain', () => {
    expect(shape(parseFilter('role BETWEEN 1 AND 30 and suspended eq false'))).toBe('(role between 1 and 30 and suspended eq false)');
    expect(shape(parseFilter('creation_date not between "2024-01-01" and "2024-12-31"'))).toBe(
      'creation_date not between "2024-01-01" and "2024-12-31"',
    );
  });

  it('parses LIKE, NOT LIKE, IS NULL and IS NOT NULL', () => {
    expect(shape(parseFilter('username LIKE "ann_%"'))).toBe('username like "ann_%"');
    expect(shape(parseFilter('username NOT LIKE "%bot"'))).toBe('username not like "%bot"');
    expect(shape(parseFilter('external_id IS NULL'))).toBe('external_id is null');
    expect(shape(parseFilter('external_id is not null'))).toBe('external_id is not null');
  });

  it('unescapes quotes and backslashes inside strings', () => {
    expect(shape(parseFilter('last_name eq "O\\"Brien"'))).toBe('last_name eq "O\\"Brien"');
    expect(shape(parseFilter("last_name eq 'O\\'Brien'"))).toBe('last_name eq "O\'Brien"');
    expect(shape(parseFilter('last_name eq "it\'s"'))).toBe('last_name eq "it\'s"');
  });

  it('accepts field names that start with a digit, like generated custom field ids', () => {
    expect(shape(parseFilter('24DCF85294E411E38A52066B556BA4EE eq "x"'))).toBe('24DCF85294E411E38A52066B556BA4EE eq "x"');
  });

  it.each([
    ['', 'The filter is empty at character 1'],
    ['   ', 'The filter is empty at character 1'],
    ['email eq', 'Expected a value (a quoted string, a number, true or false) but found the end of the filter at character 9'],
    ['email "x"', 'Expected an operator (eq, ne, lt, lte, gt, gte, LIKE, IN, BETWEEN, IS NULL) but found the string "x" at character 7'],
    ['email equals "x"', 'Expected an operator (eq, ne, lt, lte, gt, gte, LIKE, IN, BETWEEN, IS NULL) but found "equals" at character 7'],
    ['email eq "x', 'Unterminated string (opened with ") at character 10'],
    ['email = "x"', 'Unexpected character "=" at character 7'],
    ['(email eq "x"', 'Expected ")" to close the parenthesis but found the end of the filter at character 14'],
    ['email eq "x")', 'Expected "and", "or" or the end of the filter but found ")" at character 13'],
    ['email eq "x" and', 'Expected a field name but found the end of the filter at character 17'],
    ['email eq "x" email eq "y"', 'Expected "and", "or" or the end of the filter but found "email" at character 14'],
    ['role IN []', 'An IN list needs at least one value at character 10'],
    ['role IN [1, 2', 'Expected "]" to close the IN list but found the end of the filter at character 14'],
    ['role IN 1', 'Expected "[" to start the IN list but found "1" at character 9'],
    ['role BETWEEN 1 OR 2', 'Expected AND between the two BETWEEN bounds but found "OR" at character 16'],
    ['role IS 5', 'Expected NULL after IS but found "5" at character 9'],
    ['role NOT eq 5', 'Expected LIKE, IN or BETWEEN after NOT but found "eq" at character 10'],
    ['email LIKE 5', 'LIKE needs a quoted pattern at character 12'],
    ['email eq null', 'Use IS NULL or IS NOT NULL to test for a missing value at character 10'],
    ['email eq bare', 'Expected a value (a quoted string, a number, true or false) but found "bare" at character 10'],
    ['"email" eq 1', 'Expected a field name but found the string "email" at character 1'],
  ])('rejects %j: %s', (source, message) => {
    expect(errorOf(source).message).toBe(message);
  });
});
