import { coerceLiteral, FilterFieldType } from '../filter/filter-compiler';
import { FilterNode } from '../filter/filter-parser';
import { PeopleSchema } from './people-schema';
import { Person, PeopleStore } from './people-store';

/**
 * The few people a unique index names when the filter requires `<unique field> eq x` (or IN) at
 * its top level, possibly and-ed with anything; undefined when every person must be scanned.
 * The caller still applies the whole filter to the candidates.
 */
export function indexedCandidates(node: FilterNode, schema: PeopleSchema, people: PeopleStore): Person[] | undefined {
  if (node.kind === 'and') {
    return indexedCandidates(node.left, schema, people) ?? indexedCandidates(node.right, schema, people);
  }
  const isLookup = (node.kind === 'compare' && node.operator === 'eq') || (node.kind === 'in' && !node.negated);
  const field = isLookup ? schema.fieldByProperty(node.field) : undefined;
  if (!field?.unique || (node.kind !== 'compare' && node.kind !== 'in')) {
    return undefined;
  }
  const type = schema.filterType(field.property) as FilterFieldType;
  const literals = node.kind === 'compare' ? [node.value] : node.values;
  const found = new Set<Person>();
  for (const literal of literals) {
    const person = people.findUnique(field, coerceLiteral(literal, field.property, type));
    if (person) {
      found.add(person);
    }
  }
  return [...found].sort((left, right) => (left.id as number) - (right.id as number));
}
