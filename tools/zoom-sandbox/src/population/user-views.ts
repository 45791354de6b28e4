import { isoSeconds } from './generate-population';
import { roleName, ZoomUser } from './zoom-user';

/** What `include_fields` adds to a listed user. */
export type ListVariant = 'plain' | 'custom_attributes' | 'host_key';

export interface AccountFacts {
  accountId: string;
  accountNumber: number;
  cluster: string;
}

/** A user as GET /v2/users lists it: pending users have no id. */
export function listView(user: Readonly<ZoomUser>, variant: ListVariant): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  if (user.status !== 'pending') {
    view.id = user.id;
  }
  Object.assign(view, {
    first_name: user.first_name,
    last_name: user.last_name,
    display_name: user.display_name,
    email: user.email,
    type: user.type,
    pmi: user.pmi,
    timezone: user.timezone,
    verified: user.verified,
    dept: user.dept,
    created_at: user.created_at,
    user_created_at: user.user_created_at,
    last_login_time: user.last_login_time,
    last_client_version: user.last_client_version,
    status: user.status,
    role_id: user.role_id,
    employee_unique_id: user.employee_unique_id,
    group_ids: user.group_ids,
    im_group_ids: user.im_group_ids,
    plan_united_type: user.plan_united_type,
    license_info_list: user.license_info_list,
  });
  if (variant === 'custom_attributes' && user.custom_attributes?.length) {
    view.custom_attributes = user.custom_attributes;
  }
  if (variant === 'host_key') {
    view.host_key = user.host_key;
  }
  return view;
}

const listJsonCache: Record<ListVariant, WeakMap<object, string>> = {
  plain: new WeakMap(),
  custom_attributes: new WeakMap(),
  host_key: new WeakMap(),
};

/** listView as JSON, computed once per user version (user objects are replaced, never mutated). */
export function listJson(user: Readonly<ZoomUser>, variant: ListVariant): string {
  const cache = listJsonCache[variant];
  let json = cache.get(user);
  if (json === undefined) {
    json = JSON.stringify(listView(user, variant));
    cache.set(user, json);
  }
  return json;
}

/**
 * A user as GET /v2/users/{userId} shows it. As Zoom documents, a pending user's created_at is
 * the time of the call, not of the invitation.
 */
export function detailView(user: Readonly<ZoomUser>, account: AccountFacts, now: number): Record<string, unknown> {
  return {
    id: user.id,
    first_name: user.first_name,
    last_name: user.last_name,
    display_name: user.display_name,
    email: user.email,
    type: user.type,
    role_name: roleName(user.role_id),
    pmi: user.pmi,
    use_pmi: user.use_pmi,
    personal_meeting_url: `https://${account.cluster}web.zoom.us/j/${user.pmi}`,
    timezone: user.timezone,
    verified: user.verified,
    dept: user.dept,
    created_at: user.status === 'pending' ? isoSeconds(now) : user.created_at,
    user_created_at: user.user_created_at,
    last_login_time: user.last_login_time,
    last_client_version: user.last_client_version,
    host_key: user.host_key,
    jid: `${user.id.toLowerCase()}@xmpp.zoom.us`,
    group_ids: user.group_ids,
    im_group_ids: user.im_group_ids,
    account_id: account.accountId,
    language: user.language,
    phone_numbers: user.phone_numbers,
    status: user.status,
    job_title: user.job_title,
    cost_center: user.cost_center,
    location: user.location,
    login_types: user.login_types,
    role_id: user.role_id,
    employee_unique_id: user.employee_unique_id,
    account_number: account.accountNumber,
    cluster: account.cluster,
    manager: user.manager,
    company: user.company,
    plan_united_type: user.plan_united_type,
    custom_attributes: user.custom_attributes,
    license_info_list: user.license_info_list,
  };
}
