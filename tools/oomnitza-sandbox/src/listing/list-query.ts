import { CompiledFilter, compileFilter, FilterRow, FilterSchema } from '../filter/filter-compiler';
import { FilterError } from '../filter/filter-parser';
import { HttpError } from '../http/http-error';

/** Oomnitza does not document its page sizes; these keep a page bounded and are stated in the README. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export interface SortKey {
  readonly field: string;
  readonly descending: boolean;
}

/** `limit`, `skip`, `sortby`, `fields` and `filter` of a list request, checked against the collection's fields. */
export interface ListQuery {
  readonly limit: number;
  readonly skip: number;
  readonly sort: readonly SortKey[];
  readonly fields?: readonly string[];
  readonly filter?: CompiledFilter;
}

function nonNegativeInteger(query: URLSearchParams, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return fallback;
  }
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'a non-negative integer' : `an integer from 0 to ${max}`;
    throw new HttpError(400, `${name} must be ${range}, not "${raw}"`);
  }
  return Number(raw);
}

function parseSort(raw: string | null, schema: FilterSchema): SortKey[] {
  if (raw === null || raw.trim() === '') {
    return [];
  }
  return raw.split(',').map((part) => {
    const [field, direction = 'asc', ...rest] = part.trim().split(/\s+/);
    const lower = direction.toLowerCase();
    if (rest.length > 0 || (lower !== 'asc' && lower !== 'desc')) {
      throw new HttpError(400, `sortby takes "<field> asc" or "<field> desc", not "${part.trim()}"`);
    }
    if (!schema(field)) {
      throw new HttpError(400, `sortby names an unknown field "${field}"`);
    }
    return { field, descending: lower === 'desc' };
  });
}

function parseFields(raw: string | null, schema: FilterSchema): string[] | undefined {
  if (raw === null || raw.trim() === '') {
    return undefined;
  }
  const fields = raw
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  const unknown = fields.filter((field) => !schema(field));
  if (unknown.length > 0) {
    throw new HttpError(400, `fields names unknown field(s): ${unknown.join(', ')}`);
  }
  return fields;
}

export function parseListQuery(query: URLSearchParams, schema: FilterSchema): ListQuery {
  const filterSource = query.get('filter');
  let filter: CompiledFilter | undefined;
  if (filterSource !== null && filterSource.trim() !== '') {
    try {
      filter = compileFilter(filterSource, schema);
    } catch (error) {
      if (error instanceof FilterError) {
        throw new HttpError(400, `Invalid filter: ${error.message}`, { reason: error.reason, position: error.position });
      }
      throw error;
    }
  }
  return {
    limit: nonNegativeInteger(query, 'limit', DEFAULT_LIMIT, MAX_LIMIT),
    skip: nonNegativeInteger(query, 'skip', 0),
    sort: parseSort(query.get('sortby'), schema),
    fields: parseFields(query.get('fields'), schema),
    filter,
  };
}

/** Ascending order puts missing values last and descending puts them first, as PostgreSQL does. */
function compareRows(sort: readonly SortKey[]): (left: FilterRow, right: FilterRow) => number {
  return (left, right) => {
    for (const { field, descending } of sort) {
      const a = left[field] as string | number | boolean | null | undefined;
      const b = right[field] as string | number | boolean | null | undefined;
      if (a === b) {
        continue;
      }
      let order: number;
      if (a === null || a === undefined) {
        order = 1;
      } else if (b === null || b === undefined) {
        order = -1;
      } else {
        order = a < b ? -1 : 1;
      }
      return descending ? -order : order;
    }
    return 0;
  };
}

/** Filters, counts, sorts (stably, so ties keep id order), pages and projects. */
export function selectPage<T extends FilterRow>(rows: Iterable<T>, query: ListQuery): { total: number; page: FilterRow[] } {
  const matches = query.filter?.matches;
  const selected: T[] = [];
  for (const row of rows) {
    if (!matches || matches(row)) {
      selected.push(row);
    }
  }
  if (query.sort.length > 0) {
    selected.sort(compareRows(query.sort));
  }
  const page = selected.slice(query.skip, query.skip + query.limit);
  const fields = query.fields;
  return {
    total: selected.length,
    page: fields ? page.map((row) => Object.fromEntries(fields.map((field) => [field, row[field] ?? null]))) : page,
  };
}
