import { DEFAULT_APP_SCOPES } from '../auth/scopes';
import { generateUsers } from '../population/generate-population';
import { Population } from '../population/population';
import { AccountFacts } from '../population/user-views';
import { ZoomUser } from '../population/zoom-user';
import { freshZoomStyleId, secretString } from '../random';
import { AccountRateLimiter } from '../rate-limit/rate-limiter';
import { Plan } from '../rate-limit/plans';

export interface AppOptions {
  clientId?: string;
  clientSecret?: string;
  /** Granted scopes; default: list users, get user, users summary. */
  scopes?: readonly string[];
  /** A disabled app cannot mint tokens (Zoom's 4717). */
  disabled?: boolean;
}

export interface AccountOptions {
  accountId?: string;
  plan?: Plan;
  users?: number;
  seed?: number;
  /** Server-to-Server OAuth apps installed on the account; default: one with generated credentials. */
  apps?: readonly AppOptions[];
  webhookUrl?: string;
  /** The subscription's secret token; generated when a URL is given without one. */
  webhookSecret?: string;
}

export interface SandboxApp {
  clientId: string;
  clientSecret: string;
  scopes: string[];
  disabled: boolean;
}

export interface WebhookSubscription {
  url?: string;
  secretToken?: string;
  /** Zoom disables a subscription whose endpoint fails URL validation six times in a row. */
  enabled: boolean;
  consecutiveValidationFailures: number;
}

export const ACCOUNT_DEFAULTS = { plan: 'pro' as Plan, users: 1000, seed: 42 };

/** One Zoom account: its users, its OAuth apps, its shared rate-limit budget and its webhook subscription. */
export class SandboxAccount {
  readonly accountId: string;
  readonly facts: AccountFacts;
  readonly population: Population;
  readonly rateLimiter: AccountRateLimiter;
  readonly apps: SandboxApp[];
  readonly subscription: WebhookSubscription;
  readonly seed: number;
  private readonly ownerId: string;

  constructor(
    readonly ordinal: number,
    options: AccountOptions,
    referenceTime: number,
  ) {
    const size = options.users ?? ACCOUNT_DEFAULTS.users;
    if (!Number.isInteger(size) || size < 1) {
      throw new Error(`an account needs at least one user (its owner), not ${size}`);
    }
    this.seed = options.seed ?? ACCOUNT_DEFAULTS.seed;
    this.accountId = options.accountId ?? freshZoomStyleId();
    this.facts = { accountId: this.accountId, accountNumber: 10_000_000 + ordinal * 7919 + (this.seed % 7919), cluster: 'us05' };
    const users: ZoomUser[] = generateUsers({ seed: this.seed, size, referenceTime });
    this.ownerId = users[0].id;
    this.population = new Population(users);
    this.rateLimiter = new AccountRateLimiter(options.plan ?? ACCOUNT_DEFAULTS.plan);
    this.apps = (options.apps?.length ? options.apps : [{}]).map((app) => ({
      clientId: app.clientId ?? freshZoomStyleId(),
      clientSecret: app.clientSecret ?? secretString(24),
      scopes: [...(app.scopes ?? DEFAULT_APP_SCOPES)],
      disabled: app.disabled ?? false,
    }));
    this.subscription = {
      url: options.webhookUrl,
      secretToken: options.webhookSecret ?? (options.webhookUrl ? secretString(16) : undefined),
      enabled: true,
      consecutiveValidationFailures: 0,
    };
  }

  get plan(): Plan {
    return this.rateLimiter.currentPlan;
  }

  /** The user webhooks name as operator. Zoom does not let the owner be removed. */
  get owner(): Readonly<ZoomUser> {
    return this.population.find(this.ownerId) as Readonly<ZoomUser>;
  }

  isOwner(userId: string): boolean {
    return userId === this.ownerId;
  }
}
