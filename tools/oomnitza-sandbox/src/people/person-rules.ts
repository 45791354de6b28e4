import { FieldDefinition, PeopleSchema } from './people-schema';
import { PersonChanges } from './people-store';

const NONE: readonly FieldDefinition[] = [];

function collect(schema: PeopleSchema, lacking: (field: FieldDefinition) => boolean): readonly FieldDefinition[] {
  let found: FieldDefinition[] | undefined;
  for (const field of schema.mandatoryFields) {
    if (lacking(field)) {
      (found ??= []).push(field);
    }
  }
  return found ?? NONE;
}

/** Mandatory fields (username, email, first and last name, role) a new person would lack. */
export function missingOnInsert(schema: PeopleSchema, changes: PersonChanges): readonly FieldDefinition[] {
  return collect(schema, (field) => changes[field.property] === null || changes[field.property] === undefined);
}

/** Mandatory fields an update would empty; fields the update leaves out keep their value. */
export function emptiedOnUpdate(schema: PeopleSchema, changes: PersonChanges): readonly FieldDefinition[] {
  return collect(schema, (field) => changes[field.property] === null);
}
