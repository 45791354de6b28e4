import { CliValues, option } from '@zoom-oomnitza-sync/devkit';
import { ZoomSandboxOptions } from './options';
import { PLANS } from './rate-limit/plans';

export const ZOOM_SANDBOX_COMMAND = {
  usage: 'npm run sandbox:zoom -- [options]',
  options: {
    port: option.integer({ min: 0, default: 9301, help: 'port to listen on; 0 picks a free one' }),
    host: option.string({ valueName: 'H', help: 'interface to bind (default 127.0.0.1)' }),
    'public-url': option.parsed({
      valueName: 'URL',
      accepts: 'a base URL',
      convert: (text) => text.replace(/\/+$/, ''),
      help: 'base URL announced to clients as api_url (default http://host:port)',
    }),
    users: option.integer({ min: 1, help: 'users in the account (default 1000)' }),
    seed: option.integer({ min: 0, help: 'seed of the generated population (default 42)' }),
    'reference-date': option.parsed({
      valueName: 'DATE',
      accepts: 'a day YYYY-MM-DD',
      convert: parseUtcDay,
      help: 'generated dates end at this UTC day (default today)',
    }),
    plan: option.choice(PLANS, { help: "the account's rate limits (default pro)" }),
    'account-id': option.string({ valueName: 'ID', help: 'Zoom account id (default generated)' }),
    'client-id': option.string({ valueName: 'ID', help: 'Server-to-Server OAuth client id (default generated)' }),
    'client-secret': option.string({ valueName: 'S', help: 'its client secret (default generated and printed)' }),
    scopes: option.parsed({
      valueName: '"S1 S2"',
      accepts: 'scopes separated by spaces or commas',
      convert: (text) => text.split(/[\s,]+/).filter(Boolean),
      help: "the app's scopes (default user:read:list_users:admin user:read:user:admin user:read:summary:admin)",
    }),
    'webhook-url': option.string({ valueName: 'URL', help: 'where user.* webhooks go (default none)' }),
    'webhook-secret': option.string({ valueName: 'S', help: "the subscription's secret token (default generated and printed)" }),
    'admin-key': option.string({
      valueName: 'K',
      help: 'key for /sandbox admin calls, header x-sandbox-admin-key (default generated and printed)',
    }),
    'token-lifetime': option.integer({ min: 1, valueName: 'S', help: 'access token lifetime in seconds (default 3600)' }),
    'page-token-lifetime': option.integer({ min: 1, valueName: 'S', help: 'next_page_token lifetime in seconds (default 900)' }),
    'page-size-cap': option.integer({ min: 1, help: 'largest page_size honoured (default 300)' }),
    'max-tokens-per-app': option.integer({ min: 0, help: 'live tokens per app before the oldest is invalidated (default 0: no limit)' }),
    'webhook-time-factor': option.number({
      above: 0,
      valueName: 'F',
      help: 'divides the webhook retry schedule (5, 20, 60 min) and the 3 s timeout (default 1)',
    }),
    'webhook-timeout-ms': option.integer({
      min: 1,
      valueName: 'MS',
      help: 'webhook response timeout (default 3000 / factor, at least 250)',
    }),
  },
};

export type ZoomSandboxCliValues = CliValues<typeof ZOOM_SANDBOX_COMMAND.options>;

/** The sandbox's options from the command line's; what was not given is left to the sandbox's defaults. */
export function sandboxOptionsOf(values: ZoomSandboxCliValues): ZoomSandboxOptions {
  return {
    port: values.port,
    host: values.host,
    publicUrl: values['public-url'],
    users: values.users,
    seed: values.seed,
    referenceTime: values['reference-date'],
    plan: values.plan,
    accountId: values['account-id'],
    clientId: values['client-id'],
    clientSecret: values['client-secret'],
    scopes: values.scopes,
    webhookUrl: values['webhook-url'],
    webhookSecret: values['webhook-secret'],
    adminKey: values['admin-key'],
    tokenLifetimeSeconds: values['token-lifetime'],
    pageTokenLifetimeSeconds: values['page-token-lifetime'],
    pageSizeCap: values['page-size-cap'],
    maxTokensPerApp: values['max-tokens-per-app'],
    webhookTimeFactor: values['webhook-time-factor'],
    webhookTimeoutMs: values['webhook-timeout-ms'],
  };
}

function parseUtcDay(text: string): number | undefined {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  return Number.isNaN(time) ? undefined : time;
}
