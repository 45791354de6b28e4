import { PersonValue } from './field-values';
import { FieldDefinition, PeopleSchema } from './people-schema';

export type Person = Record<string, PersonValue>;
/** New values by property (`username`, `email`, ... custom field ids). */
export type PersonChanges = Record<string, PersonValue>;

interface LookupIndex {
  readonly fields: readonly FieldDefinition[];
  readonly entries: Map<string, Set<Person>>;
}

const KEY_SEPARATOR = '\u001f';

function indexKey(field: FieldDefinition, value: PersonValue | undefined): string | undefined {
  if (value === null || value === undefined || value === '') {
    return undefined;
  }
  const text = typeof value === 'string' ? value : String(value);
  return field.caseInsensitive ? text.toLowerCase() : text;
}

/**
 * People in memory, with a map per unique field (username, email, external_id, id, unique custom
 * fields) and, built on first use and then maintained on every write, a map per other field
 * combination that bulk `sync_field` matches on: matching a record is O(1), not O(people).
 */
export class PeopleStore {
  private nextId = 1;
  private readonly people = new Map<number, Person>();
  private readonly uniqueIndexes = new Map<string, Map<string, Person>>();
  private readonly lookupIndexes = new Map<string, LookupIndex>();

  constructor(private readonly schema: PeopleSchema) {
    for (const field of schema.uniqueFields) {
      this.uniqueIndexes.set(field.property, new Map());
    }
  }

  get size(): number {
    return this.people.size;
  }

  all(): IterableIterator<Person> {
    return this.people.values();
  }

  get(id: number): Person | undefined {
    return this.people.get(id);
  }

  findUnique(field: FieldDefinition, value: PersonValue): Person | undefined {
    const key = indexKey(field, value);
    return key === undefined ? undefined : this.uniqueIndexes.get(field.property)?.get(key);
  }

  /** People whose `fields` hold `values` (case-insensitively where the field is). */
  match(fields: readonly FieldDefinition[], values: readonly PersonValue[]): Person[] {
    if (fields.length === 1 && fields[0].unique) {
      const person = this.findUnique(fields[0], values[0]);
      return person ? [person] : [];
    }
    const key = this.compoundKey(fields, (_field, index) => values[index]);
    const matches = key === undefined ? undefined : this.lookupIndex(fields).entries.get(key);
    return matches ? [...matches] : [];
  }

  /** The first unique field whose new value already belongs to someone other than `self`. */
  uniqueConflict(changes: PersonChanges, self?: Person): FieldDefinition | undefined {
    for (const field of this.schema.uniqueFields) {
      const value = changes[field.property];
      // A value `self` already holds is indexed to `self`: no lookup needed.
      if (value !== undefined && !(self && self[field.property] === value)) {
        const owner = this.findUnique(field, value);
        if (owner && owner !== self) {
          return field;
        }
      }
    }
    return undefined;
  }

  insert(changes: PersonChanges, now: number): Person {
    const person: Person = {};
    for (const field of this.schema.fields) {
      person[field.property] = null;
    }
    Object.assign(person, changes);
    person.id = this.nextId++;
    person.full_name = fullName(person);
    person.creation_date = now;
    person.change_date = now;
    this.people.set(person.id, person);
    this.index(person, undefined);
    return person;
  }

  /** Applies `changes`; returns false (and leaves change_date alone) when nothing differs. */
  update(person: Person, changes: PersonChanges, now: number): boolean {
    const changed: string[] = [];
    for (const property in changes) {
      if (person[property] !== changes[property]) {
        changed.push(property);
      }
    }
    if (changed.length === 0) {
      return false;
    }
    this.unindex(person, changed);
    for (const property of changed) {
      person[property] = changes[property];
    }
    if (changed.includes('first_name') || changed.includes('last_name')) {
      person.full_name = fullName(person);
    }
    person.change_date = now;
    this.index(person, changed);
    return true;
  }

  delete(id: number): Person | undefined {
    const person = this.people.get(id);
    if (person) {
      this.unindex(person, undefined);
      this.people.delete(id);
    }
    return person;
  }

  /** Gives every person the new custom field (empty) and indexes it if unique. */
  addField(field: FieldDefinition): void {
    for (const person of this.people.values()) {
      person[field.property] = null;
    }
    if (field.unique) {
      this.uniqueIndexes.set(field.property, new Map());
    }
  }

  clear(): void {
    this.nextId = 1;
    this.people.clear();
    this.lookupIndexes.clear();
    for (const index of this.uniqueIndexes.values()) {
      index.clear();
    }
  }

  private lookupIndex(fields: readonly FieldDefinition[]): LookupIndex {
    const name = fields.map((field) => field.property).join(KEY_SEPARATOR);
    let index = this.lookupIndexes.get(name);
    if (!index) {
      index = { fields, entries: new Map() };
      this.lookupIndexes.set(name, index);
      for (const person of this.people.values()) {
        this.addToLookup(index, person);
      }
    }
    return index;
  }

  private compoundKey(
    fields: readonly FieldDefinition[],
    valueOf: (field: FieldDefinition, index: number) => PersonValue | undefined,
  ): string | undefined {
    let key = '';
    for (let index = 0; index < fields.length; index += 1) {
      const part = indexKey(fields[index], valueOf(fields[index], index));
      if (part === undefined) {
        return undefined;
      }
      key = index === 0 ? part : `${key}${KEY_SEPARATOR}${part}`;
    }
    return key;
  }

  private addToLookup(index: LookupIndex, person: Person): void {
    const key = this.compoundKey(index.fields, (field) => person[field.property]);
    if (key !== undefined) {
      let people = index.entries.get(key);
      if (!people) {
        people = new Set();
        index.entries.set(key, people);
      }
      people.add(person);
    }
  }

  private removeFromLookup(index: LookupIndex, person: Person): void {
    const key = this.compoundKey(index.fields, (field) => person[field.property]);
    const people = key === undefined ? undefined : index.entries.get(key);
    if (people) {
      people.delete(person);
      if (people.size === 0) {
        index.entries.delete(key as string);
      }
    }
  }

  /** Indexes `person` under the properties in `touched` (all of them when undefined). */
  private index(person: Person, touched: readonly string[] | undefined): void {
    for (const [property, index] of this.uniqueIndexes) {
      if (!touched || touched.includes(property)) {
        const key = indexKey(this.schema.fieldByProperty(property) as FieldDefinition, person[property]);
        if (key !== undefined) {
          index.set(key, person);
        }
      }
    }
    for (const index of this.lookupIndexes.values()) {
      if (!touched || index.fields.some((field) => touched.includes(field.property))) {
        this.addToLookup(index, person);
      }
    }
  }

  private unindex(person: Person, touched: readonly string[] | undefined): void {
    for (const [property, index] of this.uniqueIndexes) {
      if (!touched || touched.includes(property)) {
        const key = indexKey(this.schema.fieldByProperty(property) as FieldDefinition, person[property]);
        if (key !== undefined && index.get(key) === person) {
          index.delete(key);
        }
      }
    }
    for (const index of this.lookupIndexes.values()) {
      if (!touched || index.fields.some((field) => touched.includes(field.property))) {
        this.removeFromLookup(index, person);
      }
    }
  }
}

function fullName(person: Person): string | null {
  const { first_name: first, last_name: last } = person;
  if (first === null || first === '') {
    return last === null || last === '' ? null : String(last);
  }
  return last === null || last === '' ? String(first) : `${first} ${last}`;
}
