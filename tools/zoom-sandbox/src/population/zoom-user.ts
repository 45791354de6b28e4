export type UserStatus = 'active' | 'inactive' | 'pending';
export const USER_STATUSES: readonly UserStatus[] = ['active', 'inactive', 'pending'];

/** 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic. */
export type UserType = 1 | 2 | 4;
export const USER_TYPES: readonly UserType[] = [1, 2, 4];

export interface CustomAttribute {
  key: string;
  name: string;
  /** Zoom's REST API gives a string; its webhooks an integer, so the sandbox keeps digits only. */
  value: string;
}

export interface PhoneNumber {
  code: string;
  country: string;
  label: 'Mobile' | 'Office' | 'Home' | 'Fax';
  number: string;
  verified: boolean;
}

export interface LicenseInfo {
  license_type: 'MEETING' | 'ZOOM_WORKPLACE_BUNDLE';
  license_option: number;
  subscription_id: string;
}

/**
 * Everything the sandbox knows about one user. The REST and webhook bodies are projections of
 * it (see user-views.ts). Objects are replaced, never mutated, when a user changes.
 */
export interface ZoomUser {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  display_name: string;
  type: UserType;
  status: UserStatus;
  pmi: number;
  use_pmi: boolean;
  timezone: string;
  verified: 0 | 1;
  dept?: string;
  user_created_at: string;
  created_at: string;
  last_login_time?: string;
  last_client_version?: string;
  role_id: string;
  group_ids: string[];
  im_group_ids: string[];
  employee_unique_id?: string;
  plan_united_type?: string;
  license_info_list?: LicenseInfo[];
  custom_attributes?: CustomAttribute[];
  host_key: string;
  language: string;
  phone_numbers: PhoneNumber[];
  job_title?: string;
  location?: string;
  manager?: string;
  company?: string;
  cost_center?: string;
  login_types: number[];
}

export interface Role {
  id: string;
  name: string;
}

export const OWNER_ROLE: Role = { id: '0', name: 'Owner' };
export const ADMIN_ROLE: Role = { id: '1', name: 'Admin' };
export const MEMBER_ROLE: Role = { id: '2', name: 'Member' };
/** Accounts define their own roles too; their ids look like Zoom's generated ids. */
export const HELP_DESK_ROLE: Role = { id: 'RcDm5w0kTSyVx3d8KUSDpSg', name: 'Help Desk' };
export const ROLES: readonly Role[] = [OWNER_ROLE, ADMIN_ROLE, MEMBER_ROLE, HELP_DESK_ROLE];

export function roleName(roleId: string): string {
  return ROLES.find((role) => role.id === roleId)?.name ?? 'Member';
}
