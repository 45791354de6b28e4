// `npm run sandbox:zoom -- --port 9301 --users 10000 --seed 42 [--plan ...]`: a local Zoom
// (OAuth, users API, webhooks) for demos, development and load tests. `--help` lists the flags.
import { closeOnSignals, readCommandLine } from '@zoom-oomnitza-sync/devkit';
import { ACCOUNT_DEFAULTS } from './accounts/sandbox-account';
import { ADMIN_KEY_HEADER } from './admin/admin-routes';
import { sandboxOptionsOf, ZOOM_SANDBOX_COMMAND } from './cli-options';
import { ZoomSandboxOptions } from './options';
import { createZoomSandbox, ZoomSandbox } from './sandbox';

function describe(sandbox: ZoomSandbox, options: ZoomSandboxOptions): string {
  const account = sandbox.accounts[0];
  const app = account.apps[0];
  const subscription = sandbox.state({ users: false, deliveries: false }).accounts[0].webhookSubscription;
  const shown = (value: string, given: string | undefined): string =>
    given === undefined ? `${value}   (generated, shown once)` : '(as given)';
  return [
    `zoom-sandbox listening on ${sandbox.url}`,
    `  OAuth token URL   ${sandbox.oauthTokenUrl}`,
    `  API base URL      ${sandbox.apiBaseUrl}`,
    `  account id        ${account.accountId}   (plan ${account.plan}, ${account.population.size} users, seed ${options.seed ?? ACCOUNT_DEFAULTS.seed})`,
    `  client id         ${app.clientId}`,
    `  client secret     ${shown(app.clientSecret, options.clientSecret)}`,
    `  scopes            ${app.scopes.join(' ')}`,
    `  admin key         ${shown(sandbox.adminKey, options.adminKey)}   header ${ADMIN_KEY_HEADER}`,
    subscription.url
      ? `  webhooks          POST ${subscription.url}, secret token ${shown(secretTokenOf(sandbox), options.webhookSecret)}`
      : '  webhooks          none (PUT /sandbox/webhook to subscribe)',
  ].join('\n');
}

function secretTokenOf(sandbox: ZoomSandbox): string {
  return sandbox.accounts[0].webhookSecretToken ?? '';
}

async function main(): Promise<void> {
  const options = sandboxOptionsOf(readCommandLine(ZOOM_SANDBOX_COMMAND));
  const sandbox = await createZoomSandbox(options);
  closeOnSignals(() => sandbox.close());
  console.log(describe(sandbox, options));
}

main().catch((error: unknown) => {
  console.error('zoom-sandbox failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
