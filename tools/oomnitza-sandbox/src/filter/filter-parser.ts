// Oomnitza's `filter=` query parameter: an SQL-like expression such as
// `(email eq "a@b.c" or username LIKE 'ann%') and role IN [25, 30]`.
// Oomnitza documents the operators but not a grammar; this is the grammar the sandbox accepts:
//
//   filter     := or EOF
//   or         := and ( OR and )*
//   and        := unary ( AND unary )*
//   unary      := NOT unary | '(' or ')' | predicate
//   predicate  := FIELD ( (eq|ne|lt|lte|gt|gte) literal
//                       | [NOT] LIKE string
//                       | [NOT] IN ('[' | '(') literal (',' literal)* (']' | ')')
//                       | [NOT] BETWEEN literal AND literal
//                       | IS [NOT] NULL )
//   literal    := "string" | 'string' | number | TRUE | FALSE
//
// Keywords and operators are case-insensitive; NOT binds tighter than AND, AND tighter than OR.
// Strings take either quote and escape with a backslash. Every syntax error names the character
// (1-based) where it was found, so a client's 400 says what to fix.

export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';

export type FilterLiteral =
  | { type: 'string'; value: string; position: number }
  | { type: 'number'; value: number; position: number }
  | { type: 'boolean'; value: boolean; position: number };

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; field: string; fieldPosition: number; operator: ComparisonOperator; value: FilterLiteral }
  | { kind: 'like'; field: string; fieldPosition: number; negated: boolean; pattern: FilterLiteral & { type: 'string' } }
  | { kind: 'in'; field: string; fieldPosition: number; negated: boolean; values: FilterLiteral[] }
  | { kind: 'between'; field: string; fieldPosition: number; negated: boolean; low: FilterLiteral; high: FilterLiteral }
  | { kind: 'null'; field: string; fieldPosition: number; negated: boolean };

/** A filter that cannot be parsed or does not fit the fields it names; `position` is 1-based. */
export class FilterError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at character ${position}`);
  }
}

type Token =
  | { kind: 'punctuation'; text: '(' | ')' | '[' | ']' | ','; position: number }
  | { kind: 'string'; text: string; position: number }
  | { kind: 'word'; text: string; position: number }
  | { kind: 'end'; text: ''; position: number };

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']);
const WORD_CHARACTER = /[A-Za-z0-9_.+\-:]/;
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const FIELD_NAME = /^[A-Za-z0-9_]+$/;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const character = source[index];
    const position = index + 1;
    if (/\s/.test(character)) {
      index += 1;
    } else if ('()[],'.includes(character)) {
      tokens.push({ kind: 'punctuation', text: character as '(' | ')' | '[' | ']' | ',', position });
      index += 1;
    } else if (character === '"' || character === "'") {
      let text = '';
      index += 1;
      while (index < source.length && source[index] !== character) {
        if (source[index] === '\\' && index + 1 < source.length) {
          text += ESCAPES[source[index + 1]] ?? source[index + 1];
          index += 2;
        } else {
          text += source[index];
          index += 1;
        }
      }
      if (index >= source.length) {
        throw new FilterError(`Unterminated string (opened with ${character})`, position);
      }
      index += 1;
      tokens.push({ kind: 'string', text, position });
    } else if (WORD_CHARACTER.test(character)) {
      const start = index;
      while (index < source.length && WORD_CHARACTER.test(source[index])) {
        index += 1;
      }
      tokens.push({ kind: 'word', text: source.slice(start, index), position });
    } else {
      throw new FilterError(`Unexpected character "${character}"`, position);
    }
  }
  tokens.push({ kind: 'end', text: '', position: source.length + 1 });
  return tokens;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') {
      throw new FilterError(`Expected "and", "or" or the end of the filter but found ${describe(next)}`, next.position);
    }
    return node;
  }

  private parseOr(): FilterNode {
    let node = this.parseAnd();
    while (this.acceptKeyword('or')) {
      node = { kind: 'or', left: node, right: this.parseAnd() };
    }
    return node;
  }

  private parseAnd(): FilterNode {
    let node = this.parseUnary();
    while (this.acceptKeyword('and')) {
      node = { kind: 'and', left: node, right: this.parseUnary() };
    }
    return node;
  }

  private parseUnary(): FilterNode {
    if (this.acceptKeyword('not')) {
      return { kind: 'not', operand: this.parseUnary() };
    }
    if (this.acceptPunctuation('(')) {
      const node = this.parseOr();
      this.expectPunctuation(')', 'to close the parenthesis');
      return node;
    }
    return this.parsePredicate();
  }

  private parsePredicate(): FilterNode {
    const fieldToken = this.next();
    if (fieldToken.kind !== 'word' || !FIELD_NAME.test(fieldToken.text)) {
      throw new FilterError(`Expected a field name but found ${describe(fieldToken)}`, fieldToken.position);
    }
    const field = fieldToken.text;
    const fieldPosition = fieldToken.position;
    const operatorToken = this.next();
    const operator = operatorToken.kind === 'word' ? operatorToken.text.toLowerCase() : '';
    if (COMPARISON_OPERATORS.has(operator)) {
      return { kind: 'compare', field, fieldPosition, operator: operator as ComparisonOperator, value: this.parseLiteral() };
    }
    if (operator === 'is') {
      const negated = this.acceptKeyword('not');
      this.expectKeyword('null', 'after IS');
      return { kind: 'null', field, fieldPosition, negated };
    }
    const negated = operator === 'not';
    const listOperatorToken = negated ? this.next() : operatorToken;
    const listOperator = listOperatorToken.kind === 'word' ? listOperatorToken.text.toLowerCase() : '';
    if (listOperator === 'like') {
      const pattern = this.parseLiteral();
      if (pattern.type !== 'string') {
        throw new FilterError('LIKE needs a quoted pattern', pattern.position);
      }
      return { kind: 'like', field, fieldPosition, negated, pattern };
    }
    if (listOperator === 'in') {
      return { kind: 'in', field, fieldPosition, negated, values: this.parseList() };
    }
    if (listOperator === 'between') {
      const low = this.parseLiteral();
      this.expectKeyword('and', 'between the two BETWEEN bounds');
      return { kind: 'between', field, fieldPosition, negated, low, high: this.parseLiteral() };
    }
    const expected = negated ? 'LIKE, IN or BETWEEN after NOT' : 'an operator (eq, ne, lt, lte, gt, gte, LIKE, IN, BETWEEN, IS NULL)';
    throw new FilterError(`Expected ${expected} but found ${describe(listOperatorToken)}`, listOperatorToken.position);
  }

  private parseList(): FilterLiteral[] {
    const open = this.next();
    if (open.kind !== 'punctuation' || (open.text !== '[' && open.text !== '(')) {
      throw new FilterError(`Expected "[" to start the IN list but found ${describe(open)}`, open.position);
    }
    const close = open.text === '[' ? ']' : ')';
    const values: FilterLiteral[] = [];
    if (this.peek().kind === 'punctuation' && this.peek().text === close) {
      throw new FilterError('An IN list needs at least one value', this.peek().position);
    }
    do {
      values.push(this.parseLiteral());
    } while (this.acceptPunctuation(','));
    this.expectPunctuation(close, 'to close the IN list');
    return values;
  }

  private parseLiteral(): FilterLiteral {
    const token = this.next();
    if (token.kind === 'string') {
      return { type: 'string', value: token.text, position: token.position };
    }
    if (token.kind === 'word') {
      if (NUMBER.test(token.text)) {
        return { type: 'number', value: Number(token.text), position: token.position };
      }
      const lower = token.text.toLowerCase();
      if (lower === 'true' || lower === 'false') {
        return { type: 'boolean', value: lower === 'true', position: token.position };
      }
      if (lower === 'null') {
        throw new FilterError('Use IS NULL or IS NOT NULL to test for a missing value', token.position);
      }
    }
    throw new FilterError(`Expected a value (a quoted string, a number, true or false) but found ${describe(token)}`, token.position);
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') {
      this.index += 1;
    }
    return token;
  }

  private acceptKeyword(keyword: string): boolean {
    const token = this.peek();
    if (token.kind === 'word' && token.text.toLowerCase() === keyword) {
      this.index += 1;
      return true;
    }
    return false;
  }

  private expectKeyword(keyword: string, context: string): void {
    const token = this.peek();
    if (!this.acceptKeyword(keyword)) {
      throw new FilterError(`Expected ${keyword.toUpperCase()} ${context} but found ${describe(token)}`, token.position);
    }
  }

  private acceptPunctuation(text: string): boolean {
    const token = this.peek();
    if (token.kind === 'punctuation' && token.text === text) {
      this.index += 1;
      return true;
    }
    return false;
  }

  private expectPunctuation(text: string, context: string): void {
    const token = this.peek();
    if (!this.acceptPunctuation(text)) {
      throw new FilterError(`Expected "${text}" ${context} but found ${describe(token)}`, token.position);
    }
  }
}

function describe(token: Token): string {
  if (token.kind === 'end') {
    return 'the end of the filter';
  }
  return token.kind === 'string' ? `the string "${token.text}"` : `"${token.text}"`;
}

/** Parses a filter expression; throws FilterError naming the position of the first problem. */
export function parseFilter(source: string): FilterNode {
  const tokens = tokenize(source);
  if (tokens.length === 1) {
    throw new FilterError('The filter is empty', 1);
  }
  return new Parser(tokens).parse();
}
