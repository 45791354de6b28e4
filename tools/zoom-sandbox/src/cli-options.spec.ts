import { CliUsageError, parseCommandLine } from '@zoom-oomnitza-sync/devkit';
import { sandboxOptionsOf, ZOOM_SANDBOX_COMMAND } from './cli-options';

const parse = (argv: string[]) => parseCommandLine(ZOOM_SANDBOX_COMMAND, argv);

describe('the sandbox:zoom command line', () => {
  it('reads every flag, in both --flag value and --flag=value forms', () => {
    const { values, help } = parse([
      '--port',
      '9301',
      '--users=10000',
      '--seed',
      '42',
      '--plan',
      'business',
      '--webhook-url',
      'http://127.0.0.1:3103/zoom/webhook',
      '--webhook-secret',
      'whsec',
      '--client-id',
      'cid',
      '--client-secret',
      'csecret',
      '--account-id',
      'acc',
      '--admin-key',
      'key',
      '--token-lifetime',
      '600',
      '--page-token-lifetime',
      '60',
      '--page-size-cap',
      '1000',
      '--max-tokens-per-app',
      '2',
      '--webhook-time-factor',
      '60',
      '--webhook-timeout-ms',
      '500',
      '--scopes',
      'user:read:admin,user:read:list_users:admin',
      '--reference-date',
      '2025-06-01',
      '--host',
      '0.0.0.0',
      '--public-url',
      'http://zoom.local:9301/',
    ]);
    expect(help).toBe(false);
    expect(sandboxOptionsOf(values)).toEqual({
      port: 9301,
      users: 10000,
      seed: 42,
      plan: 'business',
      webhookUrl: 'http://127.0.0.1:3103/zoom/webhook',
      webhookSecret: 'whsec',
      clientId: 'cid',
      clientSecret: 'csecret',
      accountId: 'acc',
      adminKey: 'key',
      tokenLifetimeSeconds: 600,
      pageTokenLifetimeSeconds: 60,
      pageSizeCap: 1000,
      maxTokensPerApp: 2,
      webhookTimeFactor: 60,
      webhookTimeoutMs: 500,
      scopes: ['user:read:admin', 'user:read:list_users:admin'],
      referenceTime: Date.UTC(2025, 5, 1),
      host: '0.0.0.0',
      publicUrl: 'http://zoom.local:9301',
    });
  });

  it('defaults the port to 9301 and leaves everything else to the sandbox', () => {
    expect(sandboxOptionsOf(parse([]).values)).toEqual({ port: 9301 });
  });

  it('refuses unknown flags, missing values and bad values', () => {
    expect(() => parse(['--colour', 'blue'])).toThrow(new CliUsageError('unknown option --colour'));
    expect(() => parse(['--users'])).toThrow('--users needs a value');
    expect(() => parse(['--users', 'many'])).toThrow('--users takes an integer of at least 1, not "many"');
    expect(() => parse(['--plan', 'enterprise'])).toThrow('--plan takes one of free, pro, business, unlimited, not "enterprise"');
    expect(() => parse(['--reference-date', 'yesterday'])).toThrow('--reference-date takes a day YYYY-MM-DD, not "yesterday"');
    expect(() => parse(['--webhook-time-factor', '0'])).toThrow('--webhook-time-factor takes a number above 0, not "0"');
  });

  it('asks for help', () => {
    expect(parse(['--port', '1', '--help']).help).toBe(true);
  });
});
