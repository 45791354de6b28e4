import { CUSTOM_ATTRIBUTE_PREFIX, isCustomAttributeSource } from '@zoom-oomnitza-sync/contracts';

/** What a Zoom field holds once read: lists (group ids, login types) stay lists until written. */
export type SourceValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** A Zoom user as Zoom sent it: the engine reads fields by name, so any object will do. */
export type ZoomUserFields = object;

const fieldsOf = (user: ZoomUserFields) => user as Readonly<Record<string, unknown>>;

function asSourceValue(value: unknown): SourceValue {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (Array.isArray(value)) {
    return value.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number');
  }
  return null;
}

/** A custom attribute is named by its name in Zoom's admin, or by its key. */
function customAttribute(user: ZoomUserFields, name: string): SourceValue {
  const { custom_attributes: listed } = fieldsOf(user);
  const attributes = Array.isArray(listed) ? (listed as { key?: unknown; name?: unknown; value?: unknown }[]) : [];
  const found = attributes.find((attribute) => attribute?.name === name) ?? attributes.find((attribute) => attribute?.key === name);
  return found === undefined ? undefined : asSourceValue(found.value);
}

/** The value of one source (see LISTED_ZOOM_SOURCES), undefined when the user object does not carry it. */
export function readSource(user: ZoomUserFields, source: string): SourceValue {
  if (isCustomAttributeSource(source)) {
    return customAttribute(user, source.slice(CUSTOM_ATTRIBUTE_PREFIX.length));
  }
  return asSourceValue(fieldsOf(user)[source]);
}

/** Whether the user object carries the source at all: a webhook's object holds only what changed. */
export function carriesSource(user: ZoomUserFields, source: string): boolean {
  return isCustomAttributeSource(source) ? Array.isArray(fieldsOf(user).custom_attributes) : Object.hasOwn(user, source);
}

export function isEmptyValue(value: SourceValue): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** A value as text: lists joined with ", ". */
export function textOf(value: SourceValue): string {
  if (value === undefined || value === null) {
    return '';
  }
  return Array.isArray(value) ? value.join(', ') : String(value);
}
