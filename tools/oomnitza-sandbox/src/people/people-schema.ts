import { CustomFieldInput, customFieldId, CustomFieldType } from '../config';
import { FilterFieldType } from '../filter/filter-compiler';
import { HttpError } from '../http/http-error';

export type FieldType = CustomFieldType | 'role';

/** One field of a person: how bulk records name it (`fieldId`) and how the REST API names it (`property`). */
export interface FieldDefinition {
  /** The key in bulk records (`USER`, `EMAIL`, ... or a custom field's generated id); null when not writable. */
  readonly fieldId: string | null;
  /** The key in the people API and in filters; for custom fields the same as fieldId. */
  readonly property: string;
  readonly label: string;
  readonly type: FieldType;
  readonly unique: boolean;
  /** A person cannot be created without it nor have it emptied. */
  readonly mandatory: boolean;
  /** Matched without regard to case (usernames and emails). */
  readonly caseInsensitive: boolean;
  readonly custom: boolean;
  readonly values?: readonly string[];
}

function systemField(
  fieldId: string | null,
  property: string,
  label: string,
  type: FieldType,
  flags: { unique?: boolean; mandatory?: boolean; caseInsensitive?: boolean } = {},
): FieldDefinition {
  return {
    fieldId,
    property,
    label,
    type,
    unique: flags.unique ?? false,
    mandatory: flags.mandatory ?? false,
    caseInsensitive: flags.caseInsensitive ?? false,
    custom: false,
  };
}

/**
 * Oomnitza's people fields. The bulk ids USER, EMAIL, FIRST_NAME, LAST_NAME, PERMISSIONS_ID,
 * POSITION and PHONE are the ones Oomnitza's connector maps to; EXTERNAL_ID, SUSPENDED, DELETED
 * and LAST_LOGIN_DATE follow the same convention (Oomnitza does not publish its full list).
 * id, full_name, creation_date and change_date are maintained by the server.
 */
const SYSTEM_FIELDS: readonly FieldDefinition[] = [
  systemField(null, 'id', 'ID', 'integer', { unique: true }),
  systemField('USER', 'username', 'Username', 'string', { unique: true, mandatory: true, caseInsensitive: true }),
  systemField('FIRST_NAME', 'first_name', 'First Name', 'string', { mandatory: true }),
  systemField('LAST_NAME', 'last_name', 'Last Name', 'string', { mandatory: true }),
  systemField(null, 'full_name', 'Full Name', 'string'),
  systemField('EMAIL', 'email', 'Email', 'string', { unique: true, mandatory: true, caseInsensitive: true }),
  systemField('PERMISSIONS_ID', 'role', 'Role', 'role', { mandatory: true }),
  systemField('POSITION', 'position', 'Position', 'string'),
  systemField('PHONE', 'phone_number', 'Phone', 'string'),
  systemField('EXTERNAL_ID', 'external_id', 'External ID', 'string', { unique: true }),
  systemField('SUSPENDED', 'suspended', 'Suspended', 'boolean'),
  systemField('DELETED', 'deleted', 'Deleted', 'boolean'),
  systemField(null, 'creation_date', 'Creation Date', 'date'),
  systemField(null, 'change_date', 'Change Date', 'date'),
  systemField('LAST_LOGIN_DATE', 'last_login_date', 'Last Login Date', 'date'),
];

/** A custom field as the admin API and the state export show it. */
export function customFieldView(field: FieldDefinition) {
  return {
    id: field.fieldId,
    name: field.label,
    type: field.type,
    unique: field.unique,
    ...(field.values ? { values: field.values } : {}),
  };
}

const FILTER_TYPES: Record<FieldType, FilterFieldType> = {
  string: 'string',
  dropdown: 'string',
  integer: 'integer',
  role: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
};

/** The people schema: system fields plus the custom fields defined so far. */
export class PeopleSchema {
  private readonly byFieldId = new Map<string, FieldDefinition>();
  private readonly byProperty = new Map<string, FieldDefinition>();
  private readonly ordered: FieldDefinition[] = [];
  // Kept as arrays because every bulk record consults them.
  private unique: FieldDefinition[] = [];
  private mandatory: FieldDefinition[] = [];

  constructor(customFields: readonly CustomFieldInput[]) {
    for (const field of SYSTEM_FIELDS) {
      this.register(field);
    }
    for (const field of customFields) {
      this.defineCustomField(field);
    }
  }

  get fields(): readonly FieldDefinition[] {
    return this.ordered;
  }

  get customFields(): FieldDefinition[] {
    return this.ordered.filter((field) => field.custom);
  }

  get uniqueFields(): readonly FieldDefinition[] {
    return this.unique;
  }

  get mandatoryFields(): readonly FieldDefinition[] {
    return this.mandatory;
  }

  fieldById(fieldId: string): FieldDefinition | undefined {
    return this.byFieldId.get(fieldId);
  }

  fieldByProperty(property: string): FieldDefinition | undefined {
    return this.byProperty.get(property);
  }

  readonly filterType = (property: string): FilterFieldType | undefined => {
    const field = this.byProperty.get(property);
    return field && FILTER_TYPES[field.type];
  };

  defineCustomField(input: CustomFieldInput): FieldDefinition {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (!name) {
      throw new HttpError(400, 'A custom field needs a name');
    }
    const id = customFieldId(name);
    if (this.byFieldId.has(id) || this.ordered.some((field) => field.label.toLowerCase() === name.toLowerCase())) {
      throw new HttpError(409, `A field named "${name}" already exists`);
    }
    const type = input.type ?? 'string';
    if (type === 'dropdown' && !(Array.isArray(input.values) && input.values.length > 0)) {
      throw new HttpError(400, `Dropdown field "${name}" needs a list of values`);
    }
    const field: FieldDefinition = {
      fieldId: id,
      property: id,
      label: name,
      type,
      unique: input.unique ?? false,
      mandatory: false,
      caseInsensitive: false,
      custom: true,
      ...(type === 'dropdown' ? { values: [...(input.values ?? [])] } : {}),
    };
    this.register(field);
    return field;
  }

  private register(field: FieldDefinition): void {
    if (field.fieldId) {
      this.byFieldId.set(field.fieldId, field);
    }
    this.byProperty.set(field.property, field);
    this.ordered.push(field);
    this.unique = this.ordered.filter((candidate) => candidate.unique);
    this.mandatory = this.ordered.filter((candidate) => candidate.mandatory);
  }
}
