import { isPlan, PLANS } from './rate-limit/plans';
import { ZoomSandboxOptions } from './options';

export const CLI_DEFAULT_PORT = 9301;

export const CLI_USAGE = `Usage: npm run sandbox:zoom -- [options]

  --port N                  port to listen on (default ${CLI_DEFAULT_PORT}; 0 picks a free one)
  --host H                  interface to bind (default 127.0.0.1)
  --public-url URL          base URL announced to clients as api_url (default http://host:port)
  --users N                 users in the account (default 1000)
  --seed N                  seed of the generated population (default 42)
  --reference-date DATE     generated dates end at this UTC day, YYYY-MM-DD (default today)
  --plan P                  ${PLANS.join('|')}: the account's rate limits (default pro)
  --account-id ID           Zoom account id (default generated)
  --client-id ID            Server-to-Server OAuth client id (default generated)
  --client-secret S         its client secret (default generated and printed)
  --scopes "S1 S2"          the app's scopes (default user:read:list_users:admin user:read:user:admin user:read:summary:admin)
  --webhook-url URL         where user.* webhooks go (default none)
  --webhook-secret S        the subscription's secret token (default generated and printed)
  --admin-key K             key for /sandbox admin calls, header x-sandbox-admin-key (default generated and printed)
  --token-lifetime S        access token lifetime in seconds (default 3600)
  --page-token-lifetime S   next_page_token lifetime in seconds (default 900)
  --page-size-cap N         largest page_size honoured (default 300)
  --max-tokens-per-app N    live tokens per app before the oldest is invalidated (default 0: no limit)
  --webhook-time-factor F   divides the webhook retry schedule (5, 20, 60 min) and the 3 s timeout (default 1)
  --webhook-timeout-ms MS   webhook response timeout (default 3000 / factor, at least 250)
  --help                    this text
`;

export class CliUsageError extends Error {}

type Setter = (options: ZoomSandboxOptions, value: string) => void;

const FLAGS: Record<string, Setter> = {
  port: (options, value) => (options.port = integer(value, 'port', 0)),
  host: (options, value) => (options.host = value),
  'public-url': (options, value) => (options.publicUrl = value.replace(/\/+$/, '')),
  users: (options, value) => (options.users = integer(value, 'users', 1)),
  seed: (options, value) => (options.seed = integer(value, 'seed', 0)),
  'reference-date': (options, value) => (options.referenceTime = utcDate(value)),
  plan: (options, value) => {
    if (!isPlan(value)) {
      throw new CliUsageError(`--plan is one of ${PLANS.join(', ')}`);
    }
    options.plan = value;
  },
  'account-id': (options, value) => (options.accountId = value),
  'client-id': (options, value) => (options.clientId = value),
  'client-secret': (options, value) => (options.clientSecret = value),
  scopes: (options, value) => (options.scopes = value.split(/[\s,]+/).filter(Boolean)),
  'webhook-url': (options, value) => (options.webhookUrl = value),
  'webhook-secret': (options, value) => (options.webhookSecret = value),
  'admin-key': (options, value) => (options.adminKey = value),
  'token-lifetime': (options, value) => (options.tokenLifetimeSeconds = integer(value, 'token-lifetime', 1)),
  'page-token-lifetime': (options, value) => (options.pageTokenLifetimeSeconds = integer(value, 'page-token-lifetime', 1)),
  'page-size-cap': (options, value) => (options.pageSizeCap = integer(value, 'page-size-cap', 1)),
  'max-tokens-per-app': (options, value) => (options.maxTokensPerApp = integer(value, 'max-tokens-per-app', 0)),
  'webhook-time-factor': (options, value) => {
    const factor = Number(value);
    if (!(factor > 0)) {
      throw new CliUsageError('--webhook-time-factor is a positive number');
    }
    options.webhookTimeFactor = factor;
  },
  'webhook-timeout-ms': (options, value) => (options.webhookTimeoutMs = integer(value, 'webhook-timeout-ms', 1)),
};

/** Reads the command line; `--flag value` and `--flag=value` both work. */
export function parseCliArguments(argv: readonly string[]): { options: ZoomSandboxOptions; help: boolean } {
  const options: ZoomSandboxOptions = { port: CLI_DEFAULT_PORT };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--help' || argument === '-h') {
      return { options, help: true };
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(argument);
    const setter = match ? FLAGS[match[1]] : undefined;
    if (!match || !setter) {
      throw new CliUsageError(`unknown argument ${argument}`);
    }
    let value = match[2];
    if (value === undefined) {
      value = argv[index + 1];
      index += 1;
      if (value === undefined) {
        throw new CliUsageError(`--${match[1]} needs a value`);
      }
    }
    setter(options, value);
  }
  return { options, help: false };
}

function integer(value: string, flag: string, min: number): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || !Number.isSafeInteger(parsed)) {
    throw new CliUsageError(`--${flag} is an integer of at least ${min}`);
  }
  return parsed;
}

function utcDate(value: string): number {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(time)) {
    throw new CliUsageError('--reference-date is YYYY-MM-DD');
  }
  return time;
}
