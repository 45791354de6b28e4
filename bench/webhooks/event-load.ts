import { AccountAdmin, ChangeResult, ZoomUser } from '@zoom-oomnitza-sync/zoom-sandbox';

export type EventKind = 'update' | 'deactivation' | 'activation' | 'invitation' | 'email change' | 'deletion';

/** What the person in Oomnitza shows once the change arrived: a Zoom Status, a department, or (new e-mail) that it exists. */
export type Effect = { field: 'status' | 'dept'; value: string } | { field: 'exists' };

/** One change made in Zoom: whose person in Oomnitza it changes and how, and when the sandbox dispatched its webhook. */
export interface SentEvent {
  kind: EventKind;
  userId: string;
  email: string;
  effect: Effect;
  dispatchedAt: number;
}

const EFFECTS: Record<Exclude<EventKind, 'update'>, Effect> = {
  deletion: { field: 'status', value: 'deleted' },
  'email change': { field: 'exists' },
  deactivation: { field: 'status', value: 'inactive' },
  activation: { field: 'status', value: 'active' },
  invitation: { field: 'status', value: 'active' },
};

/** Of every 20 changes of active users: one deletion, two e-mail changes, three deactivations, the rest updates. */
const ACTIVE_USER_MIX: readonly EventKind[] = [
  'deletion',
  'email change',
  'email change',
  'deactivation',
  'deactivation',
  'deactivation',
  ...Array<EventKind>(14).fill('update'),
];

/**
 * Changes the given users through the Zoom sandbox's admin (each change sends its webhook), one
 * after another in turn, so a user changes again only after every other user did. Inactive
 * users are activated, pending ones accept their invitation, deleted ones leave the turn.
 */
export class EventLoad {
  readonly sent: SentEvent[] = [];
  private turn: string[];
  private next = 0;

  constructor(
    private readonly admin: AccountAdmin,
    userIds: readonly string[],
  ) {
    this.turn = [...userIds];
  }

  /** Sends one event; the id of each user deleted so far is gone from the turn. */
  send(): SentEvent {
    const id = this.turn[this.next % this.turn.length];
    const user = this.admin.account.population.find(id) as Readonly<ZoomUser>;
    const sequence = this.sent.length;
    const kind: EventKind =
      user.status === 'pending'
        ? 'invitation'
        : user.status === 'inactive'
          ? 'activation'
          : ACTIVE_USER_MIX[sequence % ACTIVE_USER_MIX.length];
    const result = this.change(kind, user, sequence);
    if (kind === 'deletion') {
      this.turn.splice(this.next % this.turn.length, 1);
    } else {
      this.next += 1;
    }
    const event: SentEvent = {
      kind,
      userId: user.id,
      email: String(result.user.email ?? user.email).toLowerCase(),
      effect: kind === 'update' ? { field: 'dept', value: `Bench ${sequence}` } : EFFECTS[kind],
      dispatchedAt: result.delivery.eventTs,
    };
    this.sent.push(event);
    return event;
  }

  private change(kind: EventKind, user: Readonly<ZoomUser>, sequence: number): ChangeResult {
    switch (kind) {
      case 'deletion':
        return this.admin.deleteUser(user.id);
      case 'email change':
        return this.admin.changeEmail(user.id, { email: `bench${sequence}.${user.email}` });
      case 'deactivation':
        return this.admin.deactivateUser(user.id);
      case 'activation':
        return this.admin.activateUser(user.id);
      case 'invitation':
        return this.admin.acceptInvitation(user.id);
      case 'update':
        return this.admin.updateUser(user.id, { dept: `Bench ${sequence}` });
    }
  }
}
