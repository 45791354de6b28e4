import { RunView } from '@zoom-oomnitza-sync/local-platform';
import { parseDemoOptions } from './demo-options';
import { progressLine, summaryLine } from './progress-bar';

const run = (counts: Partial<RunView>): RunView => ({
  id: 'r',
  status: 'running',
  failureReason: null,
  requestedAt: '',
  finishedAt: null,
  fetched: 0,
  mapped: 0,
  rejected: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  failed: 0,
  ...counts,
});

describe('the demo command line', () => {
  it('defaults to 1,000 users and stopping at the end', () => {
    expect(parseDemoOptions([])).toEqual({ users: 1000, keep: false });
    expect(parseDemoOptions(['--users', '250', '--keep'])).toEqual({ users: 250, keep: true });
  });

  it('refuses what it does not understand, with the usage', () => {
    expect(() => parseDemoOptions(['--users', 'many'])).toThrow(/--users takes a whole number/);
    expect(() => parseDemoOptions(['--fast'])).toThrow(/unknown option --fast\nusage: npm run demo/);
  });

  it('ends with the summary line, and the bar counts every stage of every user', () => {
    expect(summaryLine(run({ created: 990, updated: 3, unchanged: 5, failed: 2 }), 12.345)).toBe(
      'demo: synced 1000 users (created 990, updated 3, unchanged 5, failed 2) in 12.3 s',
    );
    expect(progressLine(run({ fetched: 100, mapped: 50 }), 100, Date.now())).toContain(' 50%');
    expect(progressLine(run({ fetched: 100, mapped: 98, rejected: 2, created: 98 }), 100, Date.now())).toContain('100%');
  });
});
