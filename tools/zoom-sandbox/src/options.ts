import { AccountOptions } from './accounts/sandbox-account';
import { Clock } from './clock';

export interface ZoomSandboxOptions {
  /** 0 (the default in process) picks a free port. */
  port?: number;
  host?: string;
  /** The base URL clients should use (token responses' api_url); default http://host:port. */
  publicUrl?: string;
  /** Key for the /sandbox admin API (header x-sandbox-admin-key); generated when absent. */
  adminKey?: string;
  /** The Zoom accounts to simulate; default one, described by the shorthands below. */
  accounts?: readonly AccountOptions[];
  accountId?: string;
  clientId?: string;
  clientSecret?: string;
  scopes?: readonly string[];
  plan?: AccountOptions['plan'];
  users?: number;
  seed?: number;
  webhookUrl?: string;
  webhookSecret?: string;
  /** Access token lifetime (default 3600). */
  tokenLifetimeSeconds?: number;
  /** next_page_token lifetime (default 900). */
  pageTokenLifetimeSeconds?: number;
  /** The largest page_size honoured (default 300). */
  pageSizeCap?: number;
  /** Minting beyond this many live tokens per app invalidates the oldest (default 0: no limit). */
  maxTokensPerApp?: number;
  /** Divides the webhook retry schedule (5, 20, 60 min) and the 3 s response timeout, the latter to no less than 250 ms (default 1). */
  webhookTimeFactor?: number;
  /** The webhook response timeout, overriding 3000 / webhookTimeFactor. */
  webhookTimeoutMs?: number;
  /** How many webhook deliveries the state export remembers (default 10000). */
  webhookLogLimit?: number;
  /** Generated dates spread over the eight years before this instant; default: today 00:00 UTC. */
  referenceTime?: number;
  clock?: Clock;
}

export const SANDBOX_DEFAULTS = {
  host: '127.0.0.1',
  tokenLifetimeSeconds: 3600,
  pageTokenLifetimeSeconds: 900,
  pageSizeCap: 300,
  maxTokensPerApp: 0,
  webhookTimeFactor: 1,
  webhookTimeoutMs: 3000,
  webhookRetryDelaysMs: [5 * 60_000, 20 * 60_000, 60 * 60_000] as readonly number[],
  webhookLogLimit: 10_000,
};

/** The accounts an options object describes: `accounts`, or one account from the shorthands. */
export function accountOptionsOf(options: ZoomSandboxOptions): readonly AccountOptions[] {
  if (options.accounts?.length) {
    return options.accounts;
  }
  return [
    {
      accountId: options.accountId,
      plan: options.plan,
      users: options.users,
      seed: options.seed,
      apps: [{ clientId: options.clientId, clientSecret: options.clientSecret, scopes: options.scopes }],
      webhookUrl: options.webhookUrl,
      webhookSecret: options.webhookSecret,
    },
  ];
}
