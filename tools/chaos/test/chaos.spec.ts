import { chaosPassed, formatChaosReport } from '../src/chaos-report';
import { ChaosReport, runChaos } from '../src/chaos-run';
import { DEFAULT_FAULTS, describeFault } from '../src/faults';

// The chaos run at CI size: small enough for every CI run, slow enough that every fault strikes
// while the sync goes on. The fetcher's pace is the clock: 150 pages at one request a second take
// at least 150 s, and the eleven faults with their recoveries about 100 s. The run must not rely
// on the faults' own stalls to last: the faster the pipeline, the shorter they are.
// `npm run chaos` runs it at 20,000 users.
const USERS = 1_500;
const RUN_TIMEOUT_MS = 420_000;

describe('chaos: a full sync while every service is killed once and the broker crashes', () => {
  let report: ChaosReport;

  // The hook's own timeout: in `npm test`'s multi-project run, Jest takes only the root config's (180 s).
  beforeAll(async () => {
    report = await runChaos({
      users: USERS,
      faults: DEFAULT_FAULTS,
      zoomPageSize: 10,
      zoomRequestsPerSecond: 1,
      // A killed fetcher's sync is taken over after the lease: shortened here so CI waits less.
      fetchLeaseSeconds: 10,
      gapMs: 500,
      timeoutMs: RUN_TIMEOUT_MS,
      log: () => undefined,
    });
    console.log(formatChaosReport(report));
  }, RUN_TIMEOUT_MS + 60_000);

  it('struck with every fault while the run went on', () => {
    expect(report.notApplied).toEqual([]);
    expect(report.faults.map((fault) => fault.fault)).toEqual(DEFAULT_FAULTS.map(describeFault));
  });

  it('completes the run, and Oomnitza holds every Zoom user exactly once, as Zoom has them', () => {
    expect(report.run).toMatchObject({ status: 'completed', failed: 0, created: report.oomnitza.expected });
    // Counts stay exact: whatever was sent again after a crash is counted once.
    expect(report.run.created + report.run.updated + report.run.unchanged + report.run.skipped).toBe(report.run.mapped);
    expect(report.oomnitza).toEqual({
      expected: report.oomnitza.expected,
      people: report.oomnitza.expected,
      missing: [],
      doubled: [],
      wrong: [],
    });
    expect(report.oomnitza.expected).toBeGreaterThan(USERS * 0.9);
    expect(chaosPassed(report)).toBe(true);
  });
});
