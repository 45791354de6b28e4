/**
 * The Zoom user fields a mapping line or filter rule may read, from Zoom's Users API: those
 * `GET /users` lists, and those only `GET /users/{userId}` returns (a full sync then reads each
 * user once). Objects and lists of objects (phone_numbers, license_info_list, manager's details)
 * are left out, and so are host_key and personal_meeting_url (it carries the meeting passcode):
 * a secret never leaves the fetcher.
 */
export const LISTED_ZOOM_SOURCES = [
  'id',
  'email',
  'first_name',
  'last_name',
  'display_name',
  'type',
  'pmi',
  'timezone',
  'verified',
  'dept',
  'created_at',
  'user_created_at',
  'last_login_time',
  'last_client_version',
  'status',
  'role_id',
  'employee_unique_id',
  'group_ids',
  'im_group_ids',
  'division_ids',
  'plan_united_type',
] as const;

export const READ_ONLY_ZOOM_SOURCES = [
  'language',
  'phone_number',
  'role_name',
  'company',
  'job_title',
  'location',
  'manager',
  'cost_center',
  'account_id',
  'account_number',
  'cms_user_id',
  'vanity_url',
  'pronouns',
  'phone_country',
  'zoom_one_type',
  'use_pmi',
  'login_types',
] as const;

/** `custom_attributes.<name>`: the custom attribute of that name (or key); listed when the fetcher asks for custom_attributes. */
export const CUSTOM_ATTRIBUTE_PREFIX = 'custom_attributes.';

export type ListedZoomSource = (typeof LISTED_ZOOM_SOURCES)[number];

const LISTED: ReadonlySet<string> = new Set(LISTED_ZOOM_SOURCES);
const READ_ONLY: ReadonlySet<string> = new Set(READ_ONLY_ZOOM_SOURCES);

export function isZoomSource(source: string): boolean {
  return LISTED.has(source) || READ_ONLY.has(source) || isCustomAttributeSource(source);
}

export function isCustomAttributeSource(source: string): boolean {
  return source.startsWith(CUSTOM_ATTRIBUTE_PREFIX) && source.length > CUSTOM_ATTRIBUTE_PREFIX.length;
}

/** Sources `GET /users` does not return: a mapping that reads one makes full syncs read each user. */
export function needsUserRead(source: string): boolean {
  return READ_ONLY.has(source);
}

/** What a Zoom source's values are, from Zoom's OpenAPI types: a mapping's value types are checked against Oomnitza's fields with it. */
export type ZoomValueKind = 'text' | 'number' | 'boolean' | 'date' | 'list';

const NOT_TEXT: Readonly<Record<string, ZoomValueKind>> = {
  type: 'number',
  pmi: 'number',
  verified: 'number',
  account_number: 'number',
  zoom_one_type: 'number',
  use_pmi: 'boolean',
  created_at: 'date',
  user_created_at: 'date',
  last_login_time: 'date',
  group_ids: 'list',
  im_group_ids: 'list',
  division_ids: 'list',
  login_types: 'list',
};

/** The kind of a source's values; custom attributes are text. */
export function zoomValueKind(source: string): ZoomValueKind {
  return NOT_TEXT[source] ?? 'text';
}
