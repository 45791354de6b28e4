// `npm run demo`: Kafka and PostgreSQL (local or embedded), the six services, a Zoom sandbox with
// --users users and an Oomnitza sandbox; then credentials and an integration through the public
// APIs, Launch, two full syncs with a progress bar, and 50 users changed in Zoom that reach
// Oomnitza through webhooks, and when the integration runs next. Stops what it started, unless --keep.
import 'reflect-metadata';
import { readCommandLine } from '@zoom-oomnitza-sync/devkit';
import { LocalStack, request, runSync, RunView, startLocalStack } from '@zoom-oomnitza-sync/local-platform';
import { DEMO_COMMAND } from './demo-options';
import { progressLine, summaryLine } from './progress-bar';
import { ScheduledIntegration, scheduleLine } from './schedule-line';
import { changeUsersInZoom, webhookLine } from './webhook-changes';

const WEBHOOK_CHANGES = 50;
/** Far beyond what the changes take: reaching it means they are not coming. */
const WEBHOOK_TIMEOUT_MS = 60_000;

const say = (message: string) => process.stderr.write(`${message}\n`);

async function sync(label: string, stack: LocalStack, total: number): Promise<RunView> {
  const startedAt = Date.now();
  say(`demo: ${label}`);
  const run = await runSync(stack.scheduler, stack.setup.schedulerKey, stack.setup.integrationId, {
    onProgress: (current) => process.stderr.write(`\r${progressLine(current, total, startedAt)}`),
  });
  process.stderr.write('\n');
  if (run.status === 'failed') {
    throw new Error(`the run failed: ${run.failureReason}`);
  }
  if (run.rejected > 0) {
    say(
      `demo: ${run.rejected} Zoom users could not be mapped (GET /integrations/${stack.setup.integrationId}/runs/${run.id}/errors says why)`,
    );
  }
  console.log(summaryLine(run, (Date.now() - startedAt) / 1000));
  return run;
}

function printAccess(stack: LocalStack): void {
  for (const [name, service] of stack.services) {
    say(`demo: ${name.padEnd(16)} ${service.baseUrl}/docs`);
  }
  say(`demo: admin key ${stack.deployment.adminKey}; scheduler key of tenant "local": ${stack.setup.schedulerKey}`);
  say(
    `demo: Zoom sandbox ${stack.zoom.url} (admin key ${stack.zoom.adminKey}); Oomnitza sandbox ${stack.oomnitza.url} (token ${stack.oomnitza.token})`,
  );
  say('demo: running until Ctrl-C');
}

async function main(): Promise<void> {
  const options = readCommandLine(DEMO_COMMAND);
  let stack: LocalStack | undefined;
  try {
    stack = await startLocalStack({
      users: options.users,
      plan: 'business',
      // The demo's platform schedules as it would in production.
      serviceSettings: { ZOOM_REQUESTS_PER_SECOND: '50', SCHEDULE_FIRING_ENABLED: 'true' },
      log: (message) => say(`demo: ${message}`),
      stopOnSignals: true,
    });
    await sync('first full sync', stack, options.users);
    await sync('second full sync (nothing changed in Zoom)', stack, options.users);
    say(`demo: changing ${WEBHOOK_CHANGES} users in Zoom; webhooks bring the changes`);
    console.log(webhookLine(await changeUsersInZoom(stack, WEBHOOK_CHANGES, WEBHOOK_TIMEOUT_MS)));
    const integration = await request<ScheduledIntegration>(`${stack.scheduler.baseUrl}/integrations/${stack.setup.integrationId}`, {
      key: stack.setup.schedulerKey,
    });
    console.log(scheduleLine(integration.body));
    if (options.keep) {
      return printAccess(stack);
    }
    await stack.stop();
  } catch (error) {
    say(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    await stack?.stop();
    process.exitCode = 1;
  }
}

void main();
