import { Router } from '@zoom-oomnitza-sync/devkit';
import { HttpError } from '../http/http-error';
import { Handler } from '../http/request-context';
import { parseListQuery, selectPage } from '../listing/list-query';
import { coerceFieldValue, FieldValueError } from '../people/field-values';
import { emptiedOnUpdate, missingOnInsert } from '../people/person-rules';
import { indexedCandidates } from '../people/people-query';
import { Person, PersonChanges } from '../people/people-store';
import { nowSeconds, SandboxData } from '../state/sandbox-data';

interface FieldProblem {
  field: string;
  message: string;
}

function validationFailed(details: FieldProblem[]): HttpError {
  return new HttpError(400, 'Validation failed', details);
}

/** The people API names fields by property (`username`, `first_name`, ..., custom field ids). */
function readChanges(data: SandboxData, body: unknown): PersonChanges {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'The body must be a JSON object of person fields');
  }
  const problems: FieldProblem[] = [];
  const changes: PersonChanges = {};
  for (const [property, raw] of Object.entries(body)) {
    const field = data.schema.fieldByProperty(property);
    if (!field) {
      problems.push({ field: property, message: 'unknown field' });
    } else if (field.fieldId === null) {
      problems.push({ field: property, message: 'read-only field' });
    } else {
      try {
        changes[property] = coerceFieldValue(field, raw, property, data.roleIds);
      } catch (error) {
        if (!(error instanceof FieldValueError)) {
          throw error;
        }
        problems.push({ field: property, message: error.message });
      }
    }
  }
  if (problems.length > 0) {
    throw validationFailed(problems);
  }
  return changes;
}

function checkUnique(data: SandboxData, changes: PersonChanges, self?: Person): void {
  const conflict = data.people.uniqueConflict(changes, self);
  if (conflict) {
    throw validationFailed([
      { field: conflict.property, message: `${JSON.stringify(changes[conflict.property])} already belongs to another person` },
    ]);
  }
}

function personOf(data: SandboxData, id: string): Person {
  const person = /^\d+$/.test(id) ? data.people.get(Number(id)) : undefined;
  if (!person) {
    throw new HttpError(404, `User ${id} not found`);
  }
  return person;
}

export function registerPeopleRoutes(router: Router<Handler>, data: SandboxData): void {
  router.add('GET', '/api/v3/users', ({ query }) => {
    const list = parseListQuery(query, data.schema.filterType);
    const candidates = list.filter && indexedCandidates(list.filter.ast, data.schema, data.people);
    const { total, page } = selectPage(candidates ?? data.people.all(), list);
    return { body: page, headers: { 'x-total-count': String(total) } };
  });

  router.add('POST', '/api/v3/users', async ({ body }) => {
    const changes = readChanges(data, await body());
    const missing = missingOnInsert(data.schema, changes);
    if (missing.length > 0) {
      throw validationFailed(missing.map((field) => ({ field: field.property, message: 'mandatory field' })));
    }
    checkUnique(data, changes);
    return { status: 201, body: data.people.insert(changes, nowSeconds()) };
  });

  router.add('GET', '/api/v3/users/:id', ({ params }) => ({ body: personOf(data, params.id) }));

  router.add('PATCH', '/api/v3/users/:id', async ({ params, body }) => {
    const person = personOf(data, params.id);
    const changes = readChanges(data, await body());
    const emptied = emptiedOnUpdate(data.schema, changes);
    if (emptied.length > 0) {
      throw validationFailed(emptied.map((field) => ({ field: field.property, message: 'mandatory field cannot be emptied' })));
    }
    checkUnique(data, changes, person);
    data.people.update(person, changes, nowSeconds());
    return { body: person };
  });

  router.add('DELETE', '/api/v3/users/:id', ({ params }) => {
    data.deletePerson(personOf(data, params.id).id as number);
    return { status: 204 };
  });
}
