/**
 * Bulk records name Oomnitza's own fields by system name, the people API by property; custom
 * fields go by their generated id in both.
 */
const SYSTEM_FIELD_PROPERTIES: Readonly<Record<string, string>> = {
  USER: 'username',
  EMAIL: 'email',
  FIRST_NAME: 'first_name',
  LAST_NAME: 'last_name',
  PERMISSIONS_ID: 'role',
  POSITION: 'position',
  PHONE: 'phone_number',
};

export function peoplePropertyOf(fieldId: string): string {
  return SYSTEM_FIELD_PROPERTIES[fieldId] ?? fieldId;
}
