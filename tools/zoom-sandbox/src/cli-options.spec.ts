import { CLI_DEFAULT_PORT, CliUsageError, parseCliArguments } from './cli-options';

describe('parseCliArguments', () => {
  it('reads every flag, in both --flag value and --flag=value forms', () => {
    const { options, help } = parseCliArguments([
      '--port', '9301', '--users=10000', '--seed', '42', '--plan', 'business', '--webhook-url', 'http://127.0.0.1:3103/zoom/webhook',
      '--webhook-secret', 'whsec', '--client-id', 'cid', '--client-secret', 'csecret', '--account-id', 'acc', '--admin-key', 'key',
      '--token-lifetime', '600', '--page-token-lifetime', '60', '--page-size-cap', '1000', '--max-tokens-per-app', '2',
      '--webhook-time-factor', '60', '--webhook-timeout-ms', '500', '--scopes', 'user:read:admin,user:read:list_users:admin',
      '--reference-date', '2025-06-01', '--host', '0.0.0.0', '--public-url', 'http://zoom.local:9301/',
    ]);
    expect(help).toBe(false);
    expect(options).toEqual({
      port: 9301, users: 10000, seed: 42, plan: 'business', webhookUrl: 'http://127.0.0.1:3103/zoom/webhook', webhookSecret: 'whsec',
      clientId: 'cid', clientSecret: 'csecret', accountId: 'acc', adminKey: 'key', tokenLifetimeSeconds: 600, pageTokenLifetimeSeconds: 60,
      pageSizeCap: 1000, maxTokensPerApp: 2, webhookTimeFactor: 60, webhookTimeoutMs: 500, scopes: ['user:read:admin', 'user:read:list_users:admin'],
      referenceTime: Date.UTC(2025, 5, 1), host: '0.0.0.0', publicUrl: 'http://zoom.local:9301',
    });
  });

  it('defaults the port to 9301', () => {
    expect(parseCliArguments([]).options).toEqual({ port: CLI_DEFAULT_PORT });
  });

  it('refuses unknown flags, missing values and bad values', () => {
    expect(() => parseCliArguments(['--colour', 'blue'])).toThrow(CliUsageError);
    expect(() => parseCliArguments(['--users'])).toThrow('--users needs a value');
    expect(() => parseCliArguments(['--users', 'many'])).toThrow('--users is an integer');
    expect(() => parseCliArguments(['--plan', 'enterprise'])).toThrow('--plan is one of');
    expect(() => parseCliArguments(['--reference-date', 'yesterday'])).toThrow('YYYY-MM-DD');
  });

  it('asks for help', () => {
    expect(parseCliArguments(['--port', '1', '--help']).help).toBe(true);
  });
});
