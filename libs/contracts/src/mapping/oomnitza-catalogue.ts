/**
 * Oomnitza's people fields and roles, as the platform checks a mapping against them and proposes
 * one. Oomnitza documents no route for either: the credentials service reads
 * `GET /api/v3/fields/users` and `GET /api/v3/roles` where an Oomnitza offers them, and without
 * them the platform knows only the fields Oomnitza's documentation names.
 */
export const OOMNITZA_FIELD_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'dropdown', 'role'] as const;
export type OomnitzaFieldType = (typeof OOMNITZA_FIELD_TYPES)[number];

export interface OomnitzaFieldInfo {
  /** The field id bulk records use: `EMAIL`, or a custom field's generated id. */
  id: string;
  label: string;
  type: OomnitzaFieldType;
  unique: boolean;
  mandatory: boolean;
  /** A dropdown's values. */
  values?: string[];
}

export interface OomnitzaRoleInfo {
  id: number;
  name: string;
}

/** What the credentials service could read of an Oomnitza: null where it could not, and why in `unavailable`. */
export interface OomnitzaCatalogue {
  fields: OomnitzaFieldInfo[] | null;
  roles: OomnitzaRoleInfo[] | null;
  unavailable: string[];
}

/**
 * The people fields Oomnitza's documentation names (bulk ids and the person's mandatory fields):
 * all the platform knows of an Oomnitza that gives no catalogue.
 */
export const DOCUMENTED_OOMNITZA_FIELDS: readonly OomnitzaFieldInfo[] = [
  { id: 'USER', label: 'Username', type: 'string', unique: true, mandatory: true },
  { id: 'EMAIL', label: 'Email', type: 'string', unique: true, mandatory: true },
  { id: 'FIRST_NAME', label: 'First Name', type: 'string', unique: false, mandatory: true },
  { id: 'LAST_NAME', label: 'Last Name', type: 'string', unique: false, mandatory: true },
  { id: 'PERMISSIONS_ID', label: 'Role', type: 'role', unique: false, mandatory: true },
  { id: 'POSITION', label: 'Position', type: 'string', unique: false, mandatory: false },
  { id: 'PHONE', label: 'Phone', type: 'string', unique: false, mandatory: false },
];
