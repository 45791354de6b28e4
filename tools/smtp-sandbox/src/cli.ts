// `npm run sandbox:smtp [-- --smtp-port 2525 --http-port 2580]`: a real SMTP server until SIGINT or
// SIGTERM; prints one line with its SMTP URL (for the notifier's SMTP_URL) and its HTTP URL.
import { closeOnSignals, option, readCommandLine } from '@zoom-oomnitza-sync/devkit';
import { createSmtpSandbox } from './smtp-sandbox';

const SMTP_SANDBOX_COMMAND = {
  usage: 'npm run sandbox:smtp -- [options]',
  options: {
    'smtp-port': option.integer({ min: 0, max: 65535, default: 0, help: 'SMTP port (0: any free port)' }),
    'http-port': option.integer({ min: 0, max: 65535, default: 0, help: 'port of GET /messages (0: any free port)' }),
  },
};

async function main(): Promise<void> {
  const options = readCommandLine(SMTP_SANDBOX_COMMAND);
  const sandbox = await createSmtpSandbox({ smtpPort: options['smtp-port'], httpPort: options['http-port'] });
  closeOnSignals(() => sandbox.close());
  console.log(`smtp-sandbox listening smtp=${sandbox.smtpUrl} http=${sandbox.httpUrl}`);
}

main().catch((error: unknown) => {
  console.error('smtp-sandbox failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
