import { ComparisonOperator, FilterError, FilterLiteral, FilterNode, parseFilter } from './filter-parser';

/** How a field's values compare: dates are held as Unix seconds, so they compare as numbers. */
export type FilterFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

/** The fields a filter may name, and their types; undefined for an unknown field. */
export type FilterSchema = (field: string) => FilterFieldType | undefined;

export type FilterRow = Readonly<Record<string, unknown>>;
export type FilterPredicate = (row: FilterRow) => boolean;

export interface CompiledFilter {
  readonly ast: FilterNode;
  readonly matches: FilterPredicate;
}

type Scalar = string | number | boolean;

function isMissing(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** Converts a literal to the field's own representation, so comparisons never mix types. */
export function coerceLiteral(literal: FilterLiteral, field: string, type: FilterFieldType): Scalar {
  const { value } = literal;
  switch (type) {
    case 'string':
      if (typeof value === 'boolean') {
        break;
      }
      return String(value);
    case 'integer':
    case 'number': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number === 'number' && Number.isFinite(number)) {
        return number;
      }
      break;
    }
    case 'boolean':
      if (typeof value === 'boolean') {
        return value;
      }
      if (value === 'true' || value === 1) {
        return true;
      }
      if (value === 'false' || value === 0) {
        return false;
      }
      break;
    case 'date': {
      const seconds = toUnixSeconds(value);
      if (seconds !== undefined) {
        return seconds;
      }
      throw new FilterError(
        `Field "${field}" holds dates: use an ISO-8601 string or Unix seconds, not ${JSON.stringify(value)}`,
        literal.position,
      );
    }
  }
  throw new FilterError(`Field "${field}" holds ${type} values; ${JSON.stringify(value)} is not one`, literal.position);
}

/** ISO-8601 strings and Unix seconds (number or numeric string) become Unix seconds. */
export function toUnixSeconds(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? Math.floor(value) : undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  if (/^-?\d+(\.\d+)?$/.test(value.trim())) {
    return Math.floor(Number(value));
  }
  const milliseconds = Date.parse(value);
  return Number.isNaN(milliseconds) ? undefined : Math.floor(milliseconds / 1000);
}

/** SQL LIKE: `%` any run, `_` one character, a backslash makes the next character literal. */
function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const character = pattern[index];
    if (character === '\\' && index + 1 < pattern.length) {
      index += 1;
      source += escapeRegExp(pattern[index]);
    } else if (character === '%') {
      source += '[\\s\\S]*';
    } else if (character === '_') {
      source += '[\\s\\S]';
    } else {
      source += escapeRegExp(character);
    }
  }
  return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function compileNode(node: FilterNode, schema: FilterSchema): FilterPredicate {
  switch (node.kind) {
    case 'and': {
      const left = compileNode(node.left, schema);
      const right = compileNode(node.right, schema);
      return (row) => left(row) && right(row);
    }
    case 'or': {
      const left = compileNode(node.left, schema);
      const right = compileNode(node.right, schema);
      return (row) => left(row) || right(row);
    }
    case 'not': {
      const operand = compileNode(node.operand, schema);
      return (row) => !operand(row);
    }
    default:
      return compilePredicate(node, schema);
  }
}

function fieldType(schema: FilterSchema, field: string, position: number): FilterFieldType {
  const type = schema(field);
  if (!type) {
    throw new FilterError(`Unknown field "${field}"`, position);
  }
  return type;
}

function compilePredicate(node: Exclude<FilterNode, { kind: 'and' | 'or' | 'not' }>, schema: FilterSchema): FilterPredicate {
  const { field } = node;
  const type = fieldType(schema, field, node.fieldPosition);
  switch (node.kind) {
    case 'null':
      return node.negated ? (row) => !isMissing(row[field]) : (row) => isMissing(row[field]);
    case 'compare':
      return comparison(node.operator, field, coerceLiteral(node.value, field, type));
    case 'like': {
      if (type !== 'string') {
        throw new FilterError(`LIKE works on text fields; "${field}" holds ${type} values`, node.fieldPosition);
      }
      const regExp = likeToRegExp(node.pattern.value);
      const negated = node.negated;
      return (row) => {
        const value = row[field];
        return typeof value === 'string' && regExp.test(value) !== negated;
      };
    }
    case 'in': {
      const values = new Set(node.values.map((literal) => coerceLiteral(literal, field, type)));
      const negated = node.negated;
      return (row) => !isMissing(row[field]) && values.has(row[field] as Scalar) !== negated;
    }
    case 'between': {
      const low = coerceLiteral(node.low, field, type);
      const high = coerceLiteral(node.high, field, type);
      const negated = node.negated;
      return (row) => {
        const value = row[field] as Scalar;
        return !isMissing(value) && (value >= low && value <= high) !== negated;
      };
    }
  }
}

function comparison(operator: ComparisonOperator, field: string, expected: Scalar): FilterPredicate {
  switch (operator) {
    case 'eq':
      return (row) => row[field] === expected;
    case 'ne':
      return (row) => !isMissing(row[field]) && row[field] !== expected;
    case 'lt':
      return (row) => !isMissing(row[field]) && (row[field] as Scalar) < expected;
    case 'lte':
      return (row) => !isMissing(row[field]) && (row[field] as Scalar) <= expected;
    case 'gt':
      return (row) => !isMissing(row[field]) && (row[field] as Scalar) > expected;
    case 'gte':
      return (row) => !isMissing(row[field]) && (row[field] as Scalar) >= expected;
  }
}

/**
 * Parses and type-checks a filter against the fields of a collection. As in SQL, a missing (null)
 * value satisfies only IS NULL: every comparison, LIKE, IN and BETWEEN (and their NOT forms) is
 * false for it. The prefix NOT is plain two-valued negation, so `not (x eq 1)` holds for a null x.
 */
export function compileFilter(source: string, schema: FilterSchema): CompiledFilter {
  const ast = parseFilter(source);
  return { ast, matches: compileNode(ast, schema) };
}
