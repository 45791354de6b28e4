import { randomInt } from 'node:crypto';
import { SandboxAccount } from '../accounts/sandbox-account';
import { Clock } from '../clock';
import { InvalidInputError } from '../input-error';
import { isoSeconds } from '../population/generate-population';
import { EmailTakenError } from '../population/population';
import { detailView } from '../population/user-views';
import { MEMBER_ROLE, ZoomUser } from '../population/zoom-user';
import { freshZoomStyleId, secretString } from '../random';
import { Plan } from '../rate-limit/plans';
import { DeliveryRecord, UrlValidationResult, WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import { invitationAcceptedEvent, userCreatedEvent, userLifecycleEvent, userUpdatedEvent, WebhookEvent } from '../webhooks/webhook-events';
import { NewUser, parseEmail, parseNewUser, parseUserChanges, UserChanges } from './user-input';

export interface ChangeResult {
  /** The user after the change (before it, for deletions), as GET /v2/users/{userId} shows it. */
  user: Record<string, unknown>;
  /** The webhook event the change produced, as dispatched; delivery goes on in the background (see the state export). */
  delivery: DeliveryRecord;
}

/**
 * Changes one account's users the way an administrator does in Zoom's web portal: each change
 * updates the population and sends the matching webhook.
 */
export class AccountAdmin {
  constructor(
    readonly account: SandboxAccount,
    private readonly dispatcher: WebhookDispatcher,
    private readonly clock: Clock,
  ) {}

  createUser(input: NewUser | unknown): ChangeResult {
    const request = parseNewUser(input);
    const now = this.clock.now();
    const action = request.action ?? 'create';
    const pending = action === 'create';
    let id = freshZoomStyleId();
    while (this.account.population.find(id)) {
      id = freshZoomStyleId();
    }
    const firstName = request.first_name ?? '';
    const lastName = request.last_name ?? '';
    const user = withChanges(
      {
        id,
        email: request.email,
        first_name: firstName,
        last_name: lastName,
        display_name: `${firstName} ${lastName}`.trim() || request.email.split('@')[0],
        type: 1,
        status: pending ? 'pending' : 'active',
        pmi: randomInt(2_000_000_000, 9_999_999_999),
        use_pmi: false,
        timezone: this.account.owner.timezone,
        verified: pending ? 0 : 1,
        user_created_at: isoSeconds(now),
        created_at: isoSeconds(now),
        role_id: MEMBER_ROLE.id,
        group_ids: [],
        im_group_ids: [],
        host_key: String(randomInt(0, 1_000_000)).padStart(6, '0'),
        language: 'en-US',
        phone_numbers: [],
        login_types: pending ? [] : action === 'ssoCreate' ? [101] : [100],
        ...(action === 'ssoCreate' ? { employee_unique_id: secretString(16) } : {}),
      },
      { ...request, email: undefined, action: undefined } as UserChanges,
    );
    this.guardEmail(() => this.account.population.add(user));
    return this.result(user, userCreatedEvent(this.account, user, action, now));
  }

  updateUser(idOrEmail: string, input: UserChanges | unknown): ChangeResult {
    const changes = parseUserChanges(input);
    const previous = this.user(idOrEmail);
    const next = withChanges({ ...previous }, changes);
    this.account.population.replace(next);
    return this.result(next, userUpdatedEvent(this.account, previous, next, this.clock.now()));
  }

  /** Zoom reports an e-mail change as user.updated with the old address in old_object. */
  changeEmail(idOrEmail: string, input: { email: string } | unknown): ChangeResult {
    const email = parseEmail(input);
    const previous = this.user(idOrEmail);
    const next = { ...previous, email };
    this.guardEmail(() => this.account.population.replace(next));
    return this.result(next, userUpdatedEvent(this.account, previous, next, this.clock.now()));
  }

  deactivateUser(idOrEmail: string): ChangeResult {
    const user = this.movable(idOrEmail, 'deactivated');
    if (user.status !== 'active') {
      throw new InvalidInputError(`only active users can be deactivated; this one is ${user.status}`, 409);
    }
    const next = { ...user, status: 'inactive' as const };
    this.account.population.replace(next);
    return this.result(next, userLifecycleEvent('user.deactivated', this.account, next, this.clock.now()));
  }

  activateUser(idOrEmail: string): ChangeResult {
    const user = this.user(idOrEmail);
    if (user.status !== 'inactive') {
      throw new InvalidInputError(
        `only inactive users can be activated; this one is ${user.status}${user.status === 'pending' ? ' (accept the invitation instead)' : ''}`,
        409,
      );
    }
    const next = { ...user, status: 'active' as const };
    this.account.population.replace(next);
    return this.result(next, userLifecycleEvent('user.activated', this.account, next, this.clock.now()));
  }

  /** A pending user accepts the invitation and becomes active. */
  acceptInvitation(idOrEmail: string): ChangeResult {
    const user = this.user(idOrEmail);
    if (user.status !== 'pending') {
      throw new InvalidInputError(`only pending users can accept an invitation; this one is ${user.status}`, 409);
    }
    const now = this.clock.now();
    const next: ZoomUser = {
      ...user,
      status: 'active',
      verified: 1,
      login_types: [100],
      last_login_time: isoSeconds(now),
      last_client_version: '6.3.5.54827(win)',
    };
    this.account.population.replace(next);
    return this.result(next, invitationAcceptedEvent(this.account, next, now));
  }

  deleteUser(idOrEmail: string): ChangeResult {
    const user = this.movable(idOrEmail, 'deleted');
    this.account.population.remove(user.id);
    return this.result(user, userLifecycleEvent('user.deleted', this.account, user, this.clock.now()));
  }

  /** The user leaves the account but keeps a Zoom account of their own. */
  disassociateUser(idOrEmail: string): ChangeResult {
    const user = this.movable(idOrEmail, 'disassociated');
    this.account.population.remove(user.id);
    return this.result(user, userLifecycleEvent('user.disassociated', this.account, user, this.clock.now()));
  }

  setWebhookSubscription(subscription: { url: string; secretToken: string }): void {
    let url: URL;
    try {
      url = new URL(subscription.url);
    } catch {
      throw new InvalidInputError('"url" is an http(s) URL');
    }
    if (
      !['http:', 'https:'].includes(url.protocol) ||
      typeof subscription.secretToken !== 'string' ||
      subscription.secretToken.length === 0
    ) {
      throw new InvalidInputError('a subscription is an http(s) "url" and a non-empty "secretToken"');
    }
    Object.assign(this.account.subscription, {
      url: subscription.url,
      secretToken: subscription.secretToken,
      enabled: true,
      consecutiveValidationFailures: 0,
    });
  }

  removeWebhookSubscription(): void {
    Object.assign(this.account.subscription, { url: undefined, secretToken: undefined, enabled: true, consecutiveValidationFailures: 0 });
  }

  validateWebhookEndpoint(): Promise<UrlValidationResult> {
    return this.dispatcher.validateUrl(this.account);
  }

  /** Switches the account's plan, and so its rate limits; usage so far is forgotten. */
  setPlan(plan: Plan): void {
    this.account.rateLimiter.changePlan(plan);
  }

  private user(idOrEmail: string): Readonly<ZoomUser> {
    const user = this.account.population.find(idOrEmail);
    if (!user) {
      throw new InvalidInputError(`User does not exist: ${idOrEmail}.`, 404);
    }
    return user;
  }

  private movable(idOrEmail: string, verb: string): Readonly<ZoomUser> {
    const user = this.user(idOrEmail);
    if (this.account.isOwner(user.id)) {
      throw new InvalidInputError(`the account owner cannot be ${verb}`, 409);
    }
    return user;
  }

  private guardEmail(change: () => void): void {
    try {
      change();
    } catch (error) {
      if (error instanceof EmailTakenError) {
        throw new InvalidInputError(`User already in the account: ${error.message}`, 409);
      }
      throw error;
    }
  }

  private result(user: Readonly<ZoomUser>, event: WebhookEvent): ChangeResult {
    return {
      user: detailView(user, this.account.facts, this.clock.now()),
      delivery: structuredClone(this.dispatcher.dispatch(this.account, event)),
    };
  }
}

function withChanges(user: ZoomUser, changes: UserChanges): ZoomUser {
  const next: Record<string, unknown> = { ...user };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) {
      delete next[field];
    } else if (value !== undefined) {
      next[field] = value;
    }
  }
  return next as unknown as ZoomUser;
}
