// `npm run sandbox:oomnitza -- --port 9302 --token T`: runs the Oomnitza sandbox until SIGINT or
// SIGTERM and prints one line with what a client needs (URL, token, admin key, ids).
import { closeOnSignals, readCommandLine } from '@zoom-oomnitza-sync/devkit';
import { OOMNITZA_SANDBOX_COMMAND, sandboxOptionsOf } from './cli-options';
import { createOomnitzaSandbox } from './sandbox';

async function main(): Promise<void> {
  const sandbox = await createOomnitzaSandbox(sandboxOptionsOf(readCommandLine(OOMNITZA_SANDBOX_COMMAND)));
  closeOnSignals(() => sandbox.close());
  const fieldIds = Object.entries(sandbox.customFieldIds).map(([name, id]) => `${name.toLowerCase().replace(/\W+/g, '-')}-field=${id}`);
  console.log(
    [
      'oomnitza-sandbox listening',
      `url=${sandbox.url}`,
      `token=${sandbox.token}`,
      `admin-key=${sandbox.adminKey}`,
      `saas-id=${sandbox.saasId}`,
      ...fieldIds,
    ].join(' '),
  );
}

main().catch((error: unknown) => {
  console.error('oomnitza-sandbox failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
