import { Router } from '@zoom-oomnitza-sync/devkit';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { AccountRegistry } from './accounts/account-registry';
import { SandboxAccount } from './accounts/sandbox-account';
import { AccountAdmin } from './admin/account-admin';
import { addAdminRoutes } from './admin/admin-routes';
import { ApiGuard } from './api/api-guard';
import { PageTokenCodec } from './api/page-token';
import { addUsersRoutes } from './api/users-routes';
import { oauthTokenRoute } from './auth/oauth-route';
import { TokenStore } from './auth/token-store';
import { Clock, systemClock } from './clock';
import { ActiveFault, FaultInjector, FaultSpec, parseFaultSpec } from './faults/fault-injector';
import { sendInjectedFailure } from './faults/fault-responses';
import { BodyTooLargeError } from './http/read-body';
import { sendJson, sendZoomError } from './http/respond';
import { Handler, splitUrl } from './http/request-context';
import { InvalidInputError } from './input-error';
import { accountOptionsOf, SANDBOX_DEFAULTS, ZoomSandboxOptions } from './options';
import { Population } from './population/population';
import { Plan } from './rate-limit/plans';
import { secretString } from './random';
import { exportState, SandboxState, StateQuery } from './state/state-export';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';

export interface SandboxAccountHandle {
  accountId: string;
  plan: Plan;
  apps: { clientId: string; clientSecret: string; scopes: string[] }[];
  population: Population;
  admin: AccountAdmin;
  /** The webhook subscription's secret token, to verify signatures with. */
  readonly webhookSecretToken: string | undefined;
}

export interface ZoomSandbox {
  /** Base URL, e.g. http://127.0.0.1:9301. */
  url: string;
  port: number;
  /** Where to mint tokens: `${url}/oauth/token`. */
  oauthTokenUrl: string;
  /** Base of the REST API: `${url}/v2`. */
  apiBaseUrl: string;
  adminKey: string;
  accounts: SandboxAccountHandle[];
  /** The first account's users and admin. */
  population: Population;
  admin: AccountAdmin;
  faults: { inject(spec: FaultSpec): ActiveFault; clear(): void; list(): ActiveFault[] };
  state(query?: StateQuery): SandboxState;
  close(): Promise<void>;
}

const MIN_SCALED_WEBHOOK_TIMEOUT_MS = 250;

/** Starts a sandbox in this process. */
export async function createZoomSandbox(options: ZoomSandboxOptions = {}): Promise<ZoomSandbox> {
  const clock: Clock = options.clock ?? systemClock;
  const referenceTime = options.referenceTime ?? startOfUtcDay(clock.now());
  const accounts = new AccountRegistry(
    accountOptionsOf(options).map((accountOptions, ordinal) => new SandboxAccount(ordinal, accountOptions, referenceTime)),
  );
  const timeFactor = positive(options.webhookTimeFactor ?? SANDBOX_DEFAULTS.webhookTimeFactor, 'webhookTimeFactor');
  const faults = new FaultInjector();
  const dispatcher = new WebhookDispatcher(
    clock,
    faults,
    {
      retryDelaysMs: SANDBOX_DEFAULTS.webhookRetryDelaysMs.map((ms) => Math.max(1, Math.round(ms / timeFactor))),
      // A scaled timeout below a quarter second would fail healthy endpoints; an explicit one may go lower.
      timeoutMs:
        options.webhookTimeoutMs ?? Math.max(MIN_SCALED_WEBHOOK_TIMEOUT_MS, Math.round(SANDBOX_DEFAULTS.webhookTimeoutMs / timeFactor)),
    },
    options.webhookLogLimit ?? SANDBOX_DEFAULTS.webhookLogLimit,
  );
  const tokens = new TokenStore(
    clock,
    options.tokenLifetimeSeconds ?? SANDBOX_DEFAULTS.tokenLifetimeSeconds,
    options.maxTokensPerApp ?? SANDBOX_DEFAULTS.maxTokensPerApp,
  );
  const pageTokens = new PageTokenCodec(clock, (options.pageTokenLifetimeSeconds ?? SANDBOX_DEFAULTS.pageTokenLifetimeSeconds) * 1000);
  const admins = new Map(accounts.all.map((account) => [account.accountId, new AccountAdmin(account, dispatcher, clock)]));
  const adminKey = options.adminKey ?? secretString(24);
  let publicUrl = '';

  const router = new Router<Handler>();
  router.add(
    'POST',
    '/oauth/token',
    oauthTokenRoute(accounts, tokens, () => publicUrl),
  );
  addUsersRoutes(router, new ApiGuard(tokens, accounts, clock), accounts, pageTokens, clock, {
    pageSizeCap: positive(options.pageSizeCap ?? SANDBOX_DEFAULTS.pageSizeCap, 'pageSizeCap'),
  });
  addAdminRoutes(router, { adminKey, accounts, admins, dispatcher, faults });

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => answerError(res, error));
  });
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { path, query } = splitUrl(req.url);
    const match = router.resolve(req.method ?? 'GET', path);
    if (match.kind === 'not-found') {
      return sendZoomError(res, 404, 2300, 'This API endpoint is not recognized.');
    }
    if (match.kind === 'method-not-allowed') {
      return sendZoomError(res, 405, 2300, `This API endpoint does not support ${req.method}.`);
    }
    const injected = path.startsWith('/sandbox/') ? undefined : faults.forRequest(path);
    if (injected) {
      if (injected.latencyMs > 0) {
        await delay(injected.latencyMs);
      }
      if (injected.failure) {
        req.resume();
        return sendInjectedFailure(res, path, injected.failure, accounts.primary.plan, clock.now());
      }
      if (injected.holdAnswer) {
        holdAnswer(res, faults);
      }
    }
    await match.handler({ req, res, path, params: match.params, query });
  };

  await listen(server, options.port ?? 0, options.host ?? SANDBOX_DEFAULTS.host);
  const port = (server.address() as AddressInfo).port;
  publicUrl = options.publicUrl ?? `http://${urlHost(options.host ?? SANDBOX_DEFAULTS.host)}:${port}`;
  const primary = accounts.primary;
  return {
    url: publicUrl,
    port,
    oauthTokenUrl: `${publicUrl}/oauth/token`,
    apiBaseUrl: `${publicUrl}/v2`,
    adminKey,
    accounts: accounts.all.map((account) => handleOf(account, admins.get(account.accountId) as AccountAdmin)),
    population: primary.population,
    admin: admins.get(primary.accountId) as AccountAdmin,
    faults: {
      inject: (spec) => faults.add(parseFaultSpec(spec)),
      clear: () => faults.clear(),
      list: () => faults.list(),
    },
    state: (query) => exportState(accounts, dispatcher, faults, query),
    close: async () => {
      await dispatcher.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** The answer is built now, from the state as it is now, and sent once the faults are cleared. */
function holdAnswer(res: ServerResponse, faults: FaultInjector): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    faults.hold(() => end(...args));
    return res;
  }) as ServerResponse['end'];
}

function handleOf(account: SandboxAccount, admin: AccountAdmin): SandboxAccountHandle {
  return {
    accountId: account.accountId,
    get plan() {
      return account.plan;
    },
    apps: account.apps.map((app) => ({ clientId: app.clientId, clientSecret: app.clientSecret, scopes: [...app.scopes] })),
    population: account.population,
    admin,
    get webhookSecretToken() {
      return account.subscription.secretToken;
    },
  };
}

function answerError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof InvalidInputError) {
    sendJson(res, error.status, { code: error.status, message: error.message });
  } else if (error instanceof BodyTooLargeError) {
    sendJson(res, 413, { code: 413, message: error.message });
  } else {
    console.error('zoom-sandbox: unexpected error', error);
    sendZoomError(res, 500, 500, 'Internal Server Error');
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function startOfUtcDay(now: number): number {
  return now - (now % 86_400_000);
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function positive(value: number, name: string): number {
  if (!(value > 0)) {
    throw new Error(`${name} must be positive, not ${value}`);
  }
  return value;
}
