import { SandboxAccount } from '../accounts/sandbox-account';
import { roleName, UserType, ZoomUser } from '../population/zoom-user';

export type UserEventName =
  | 'user.created'
  | 'user.updated'
  | 'user.deleted'
  | 'user.deactivated'
  | 'user.activated'
  | 'user.disassociated'
  | 'user.invitation_accepted';

export interface WebhookEvent {
  event: UserEventName;
  event_ts: number;
  payload: Record<string, unknown>;
}

export type CreationType = 'create' | 'autoCreate' | 'custCreate' | 'ssoCreate';

/**
 * Zoom's webhook schema knows user types 1 and 2 only; a type 4 user (no Meetings Basic) is
 * reported as 1, which is why a sync must not trust a webhook's type over a REST read.
 */
export function webhookUserType(type: UserType): 1 | 2 {
  return type === 2 ? 2 : 1;
}

function operator(account: SandboxAccount): { operator: string; operator_id: string } {
  const owner = account.owner;
  return { operator: owner.email, operator_id: owner.id };
}

function identity(user: Readonly<ZoomUser>): Record<string, unknown> {
  return { id: user.id, first_name: user.first_name, last_name: user.last_name, email: user.email, type: webhookUserType(user.type) };
}

export function userCreatedEvent(account: SandboxAccount, user: Readonly<ZoomUser>, creationType: CreationType, now: number): WebhookEvent {
  return {
    event: 'user.created',
    event_ts: now,
    payload: {
      account_id: account.accountId,
      ...operator(account),
      creation_type: creationType,
      object: { ...identity(user), display_name: user.display_name },
    },
  };
}

export function userLifecycleEvent(
  name: 'user.deleted' | 'user.deactivated' | 'user.activated' | 'user.disassociated',
  account: SandboxAccount,
  user: Readonly<ZoomUser>,
  now: number,
): WebhookEvent {
  return { event: name, event_ts: now, payload: { account_id: account.accountId, ...operator(account), object: identity(user) } };
}

export function invitationAcceptedEvent(account: SandboxAccount, user: Readonly<ZoomUser>, now: number): WebhookEvent {
  return { event: 'user.invitation_accepted', event_ts: now, payload: { account_id: account.accountId, object: identity(user) } };
}

/** The fields of a user as user.updated carries them (absent strings become ""). */
function updatableFields(user: Readonly<ZoomUser>): Record<string, unknown> {
  return {
    first_name: user.first_name,
    last_name: user.last_name,
    display_name: user.display_name,
    email: user.email,
    type: webhookUserType(user.type),
    company: user.company ?? '',
    pmi: user.pmi,
    use_pmi: user.use_pmi,
    timezone: user.timezone,
    host_key: user.host_key,
    role: roleName(user.role_id),
    dept: user.dept ?? '',
    language: user.language,
    custom_attributes: (user.custom_attributes ?? []).map((attribute) => ({
      key: attribute.key,
      name: attribute.name,
      value: Number(attribute.value),
    })),
  };
}

/**
 * user.updated: `object` has the id and only the fields that changed, `old_object` their
 * previous values. Fields Zoom's webhook does not carry (job title, location, ...) change silently.
 */
export function userUpdatedEvent(
  account: SandboxAccount,
  previous: Readonly<ZoomUser>,
  next: Readonly<ZoomUser>,
  now: number,
): WebhookEvent {
  const before = updatableFields(previous);
  const after = updatableFields(next);
  const object: Record<string, unknown> = { id: next.id };
  const oldObject: Record<string, unknown> = { id: previous.id };
  for (const field of Object.keys(after)) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      object[field] = after[field];
      oldObject[field] = before[field];
    }
  }
  return {
    event: 'user.updated',
    event_ts: now,
    payload: { account_id: account.accountId, ...operator(account), object, old_object: oldObject, time_stamp: now },
  };
}
