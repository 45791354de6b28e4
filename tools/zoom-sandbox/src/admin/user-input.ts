import { InvalidInputError } from '../input-error';
import { isEmailAddress } from '../population/email-address';
import { CustomAttribute, USER_TYPES, UserType } from '../population/zoom-user';
import { CreationType } from '../webhooks/webhook-events';

/** Optional text fields; null removes the field from the user. */
type RemovableText = 'dept' | 'job_title' | 'location' | 'company' | 'cost_center' | 'manager';

export interface UserChanges {
  first_name?: string;
  last_name?: string;
  display_name?: string;
  type?: UserType;
  timezone?: string;
  language?: string;
  pmi?: number;
  use_pmi?: boolean;
  host_key?: string;
  role_id?: string;
  dept?: string | null;
  job_title?: string | null;
  location?: string | null;
  company?: string | null;
  cost_center?: string | null;
  manager?: string | null;
  /** Values are digit strings: Zoom's webhooks carry them as integers. */
  custom_attributes?: CustomAttribute[] | null;
}

export interface NewUser extends Omit<UserChanges, RemovableText | 'custom_attributes'> {
  email: string;
  /** "create" invites (the user is pending until accepted); the others make an active user. Default "create". */
  action?: CreationType;
  dept?: string;
  job_title?: string;
  location?: string;
  company?: string;
  cost_center?: string;
  manager?: string;
  custom_attributes?: CustomAttribute[];
}

const NAME_LIMITS: Record<string, number> = { first_name: 64, last_name: 64, display_name: 128 };
const REMOVABLE: readonly RemovableText[] = ['dept', 'job_title', 'location', 'company', 'cost_center', 'manager'];
const TEXT_FIELDS = ['first_name', 'last_name', 'display_name', 'timezone', 'language', 'role_id'] as const;
const CREATION_TYPES: readonly CreationType[] = ['create', 'autoCreate', 'custCreate', 'ssoCreate'];

export function parseUserChanges(input: unknown): UserChanges {
  const body = asObject(input);
  const known = new Set<string>([...TEXT_FIELDS, ...REMOVABLE, 'type', 'pmi', 'use_pmi', 'host_key', 'custom_attributes']);
  const unknown = Object.keys(body).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new InvalidInputError(`unknown field(s): ${unknown.join(', ')}`);
  }
  const changes: UserChanges = {};
  for (const field of TEXT_FIELDS) {
    if (body[field] !== undefined) {
      changes[field] = text(body[field], field, NAME_LIMITS[field] ?? 256);
    }
  }
  for (const field of REMOVABLE) {
    if (body[field] === null) {
      changes[field] = null;
    } else if (body[field] !== undefined) {
      changes[field] = field === 'manager' ? email(body[field], field) : text(body[field], field, 256);
    }
  }
  if (body.type !== undefined) {
    if (!USER_TYPES.includes(body.type as UserType)) {
      throw new InvalidInputError('"type" is 1 (Basic), 2 (Licensed) or 4 (Unassigned without Meetings Basic)');
    }
    changes.type = body.type as UserType;
  }
  if (body.pmi !== undefined) {
    if (!Number.isInteger(body.pmi) || (body.pmi as number) < 1_000_000_000 || (body.pmi as number) > 9_999_999_999) {
      throw new InvalidInputError('"pmi" is a 10-digit number');
    }
    changes.pmi = body.pmi as number;
  }
  if (body.use_pmi !== undefined) {
    if (typeof body.use_pmi !== 'boolean') {
      throw new InvalidInputError('"use_pmi" is a boolean');
    }
    changes.use_pmi = body.use_pmi;
  }
  if (body.host_key !== undefined) {
    if (typeof body.host_key !== 'string' || !/^\d{6,10}$/.test(body.host_key)) {
      throw new InvalidInputError('"host_key" is 6 to 10 digits');
    }
    changes.host_key = body.host_key;
  }
  if (body.custom_attributes === null) {
    changes.custom_attributes = null;
  } else if (body.custom_attributes !== undefined) {
    changes.custom_attributes = customAttributes(body.custom_attributes);
  }
  return changes;
}

export function parseNewUser(input: unknown): NewUser {
  const body = asObject(input);
  const { email: address, action, ...rest } = body;
  const changes = parseUserChanges(rest);
  for (const field of [...REMOVABLE, 'custom_attributes'] as const) {
    if (changes[field] === null) {
      throw new InvalidInputError(`"${field}" cannot be null on a new user`);
    }
  }
  if (action !== undefined && !CREATION_TYPES.includes(action as CreationType)) {
    throw new InvalidInputError(`"action" is one of ${CREATION_TYPES.join(', ')}`);
  }
  return { ...(changes as Omit<NewUser, 'email'>), email: email(address, 'email'), action: action as CreationType | undefined };
}

export function parseEmail(input: unknown): string {
  return email(asObject(input).email, 'email');
}

function asObject(input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidInputError('the body is a JSON object');
  }
  return input as Record<string, unknown>;
}

function text(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value.length > maxLength) {
    throw new InvalidInputError(`"${field}" is a string of at most ${maxLength} characters`);
  }
  return value;
}

function email(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isEmailAddress(value)) {
    throw new InvalidInputError(`"${field}" is an e-mail address`);
  }
  return value;
}

function customAttributes(value: unknown): CustomAttribute[] {
  if (!Array.isArray(value)) {
    throw new InvalidInputError('"custom_attributes" is an array of {key, name, value}');
  }
  return value.map((item: unknown) => {
    const attribute = asObject(item);
    if (
      typeof attribute.key !== 'string' ||
      typeof attribute.name !== 'string' ||
      typeof attribute.value !== 'string' ||
      !/^\d{1,15}$/.test(attribute.value)
    ) {
      throw new InvalidInputError('each custom attribute is {key, name, value} with a value of 1 to 15 digits');
    }
    return { key: attribute.key, name: attribute.name, value: attribute.value };
  });
}
