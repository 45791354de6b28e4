import { parseCommandLine, usageText } from '@zoom-oomnitza-sync/devkit';
import { RunView } from '@zoom-oomnitza-sync/local-platform';
import { DEMO_COMMAND } from './demo-options';
import { scheduleLine } from './schedule-line';
import { progressLine, summaryLine } from './progress-bar';
import { webhookLine } from './webhook-changes';

const run = (counts: Partial<RunView>): RunView => ({
  id: 'r',
  status: 'running',
  trigger: 'manual',
  mode: 'full_sync',
  failureReason: null,
  requestedAt: '',
  finishedAt: null,
  fetched: 0,
  mapped: 0,
  rejected: 0,
  filtered: 0,
  namesDerived: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  deactivated: 0,
  failed: 0,
  ...counts,
});

const parse = (argv: string[]) => parseCommandLine(DEMO_COMMAND, argv);

describe('the demo command line', () => {
  it('defaults to 1,000 users and stopping at the end', () => {
    expect(parse([]).values).toEqual({ users: 1000, keep: false });
    expect(parse(['--users', '250', '--keep']).values).toEqual({ users: 250, keep: true });
  });

  it('refuses what it does not understand', () => {
    expect(() => parse(['--users', 'many'])).toThrow('--users takes an integer from 1 to 1000000, not "many"');
    expect(() => parse(['--users', '0'])).toThrow('--users takes an integer from 1 to 1000000, not "0"');
    expect(() => parse(['--fast'])).toThrow('unknown option --fast');
  });

  it('has a usage naming both flags', () => {
    expect(usageText(DEMO_COMMAND)).toMatch(/^Usage: npm run demo -- \[options\]\n\n {2}--users N .*\(default 1000\)\n {2}--keep /);
  });

  it('ends with the summary line, and the bar counts every stage of every user', () => {
    expect(summaryLine(run({ created: 990, updated: 3, unchanged: 5, failed: 2 }), 12.345)).toBe(
      'demo: synced 1000 users (created 990, updated 3, unchanged 5, failed 2) in 12.3 s',
    );
    expect(progressLine(run({ fetched: 100, mapped: 50 }), 100, Date.now())).toContain(' 50%');
    expect(progressLine(run({ fetched: 100, mapped: 98, rejected: 2, created: 98 }), 100, Date.now())).toContain('100%');
  });

  it('reports the webhook changes with the median and the 99th percentile of their latencies', () => {
    const latencies = Array.from({ length: 50 }, (_, index) => 100 - index);
    expect(webhookLine(latencies)).toBe('demo: webhooks: 50 changes in Oomnitza, p50 75 ms, p99 100 ms');
  });

  it('says when the integration runs next, and by which schedule', () => {
    expect(scheduleLine({ schedule: { kind: 'daily', time: '02:00', timezone: 'UTC' }, nextRunAt: '2026-11-30T02:00:00.000Z' })).toBe(
      'demo: next scheduled run 2026-11-30T02:00:00.000Z (daily at 02:00 UTC)',
    );
    expect(scheduleLine({ schedule: { kind: 'cron', expression: '0 */4 * * *', timezone: 'Europe/Berlin' }, nextRunAt: null })).toBe(
      'demo: next scheduled run none (not active) (by "0 */4 * * *" Europe/Berlin)',
    );
  });
});
