import { AccountRegistry } from '../accounts/account-registry';
import { ActiveFault, FaultInjector } from '../faults/fault-injector';
import { UsersSummary } from '../population/population';
import { ZoomUser } from '../population/zoom-user';
import { Plan, RateLimitCategory } from '../rate-limit/plans';
import { CategoryStats } from '../rate-limit/rate-limiter';
import { DeliveryAttempt, DeliveryState, UrlValidationResult, WebhookDispatcher } from '../webhooks/webhook-dispatcher';

export interface DeliveryView {
  id: number;
  event: string;
  eventTs: number;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  duplicateOf?: number;
  /** The body as sent, parsed. */
  body: unknown;
}

export interface AccountState {
  accountId: string;
  plan: Plan;
  summary: UsersSummary;
  /** Every user in listing order, with every field the sandbox keeps (pending users' ids too). */
  users?: Readonly<ZoomUser>[];
  webhookSubscription: { url?: string; enabled: boolean; consecutiveValidationFailures: number };
  deliveries?: DeliveryView[];
  urlValidations: UrlValidationResult[];
  /** Per rate-limit category: calls let through, refused with 429, and the busiest second (the sandbox's own measure). */
  rateLimits: Partial<Record<RateLimitCategory, CategoryStats>>;
}

export interface SandboxState {
  accounts: AccountState[];
  faults: ActiveFault[];
  /** Answers built and held back by hold-answers faults until the faults are cleared. */
  heldAnswers: number;
}

export interface StateQuery {
  accountId?: string;
  users?: boolean;
  deliveries?: boolean;
}

/** What GET /sandbox/state returns: the population, webhook deliveries with their attempts, active faults. */
export function exportState(
  accounts: AccountRegistry,
  dispatcher: WebhookDispatcher,
  faults: FaultInjector,
  query: StateQuery = {},
): SandboxState {
  return {
    accounts: accounts.all
      .filter((account) => query.accountId === undefined || account.accountId === query.accountId)
      .map((account) => ({
        accountId: account.accountId,
        plan: account.plan,
        summary: account.population.summary(),
        users: query.users === false ? undefined : account.population.users(),
        webhookSubscription: {
          url: account.subscription.url,
          enabled: account.subscription.enabled,
          consecutiveValidationFailures: account.subscription.consecutiveValidationFailures,
        },
        deliveries:
          query.deliveries === false
            ? undefined
            : dispatcher
                .deliveries(account.accountId)
                .map(({ body, accountId: _accountId, ...delivery }) => ({ ...delivery, body: JSON.parse(body) as unknown })),
        urlValidations: dispatcher.urlValidations(account.accountId),
        rateLimits: account.rateLimiter.stats(),
      })),
    faults: faults.list(),
    heldAnswers: faults.heldAnswers,
  };
}
