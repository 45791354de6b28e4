import { OomnitzaPerson, request, RunView } from '@zoom-oomnitza-sync/local-platform';
import { waitFor } from '@zoom-oomnitza-sync/testing';
import { ChaosStack } from './chaos-stack';
import { describeFault, Fault, FaultOutcome } from './faults';

export interface ChaosOptions {
  users: number;
  faults: readonly Fault[];
  zoomPageSize: number;
  zoomRequestsPerSecond: number;
  fetchLeaseSeconds: number;
  /** Pause after each recovery before the next fault, which also waits for the run to move on. */
  gapMs: number;
  timeoutMs: number;
  log: (message: string) => void;
}

/** What Oomnitza holds after the run, against what Zoom holds. */
export interface OomnitzaCheck {
  expected: number;
  people: number;
  missing: string[];
  /** E-mail addresses held by more than one person. */
  doubled: string[];
  /** People whose names differ from the Zoom user's. */
  wrong: string[];
}

export interface ChaosReport {
  run: RunView;
  faults: FaultOutcome[];
  /** Faults left out because the run had finished before their turn. */
  notApplied: string[];
  oomnitza: OomnitzaCheck;
  seconds: number;
}

const written = (run: RunView) => run.created + run.updated + run.unchanged + run.skipped + run.failed;
const movement = (run: RunView | undefined) => (run ? run.fetched + run.mapped + written(run) : 0);
const finished = (run: RunView | undefined) => run?.status === 'completed' || run?.status === 'failed';
const progressOf = (run: RunView | undefined) =>
  run ? `fetched ${run.fetched}, mapped ${run.mapped}, written ${written(run)}` : 'scheduler not answering';

/**
 * One full sync of `users` Zoom users while the faults strike one after another, each once the
 * previous one has recovered; then what Oomnitza holds is compared with Zoom, user by user.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const stack = await ChaosStack.start(options);
  let report: ChaosReport;
  try {
    const setup = await stack.setUpIntegration();
    const runUrl = (id = '') => `${stack.scheduler.baseUrl}/integrations/${setup.integrationId}/runs${id ? `/${id}` : ''}`;
    const readRun = async (id: string) =>
      request<RunView>(runUrl(id), { key: setup.schedulerKey }).then(
        (response) => (response.status === 200 ? response.body : undefined),
        () => undefined,
      );
    const started = await request<RunView>(runUrl(), { method: 'POST', key: setup.schedulerKey });
    if (started.status !== 202) {
      throw new Error(`run now failed: ${started.status} ${JSON.stringify(started.body)}`);
    }
    const startedAt = Date.now();
    const outcomes: FaultOutcome[] = [];
    const notApplied: string[] = [];
    let movedAtLastFault = 0;
    for (const fault of options.faults) {
      await new Promise((resolve) => setTimeout(resolve, options.gapMs));
      // Each fault strikes a pipeline that is moving: the run has got further since the last one.
      const before = await untilRun(
        () => readRun(started.body.id),
        (run) => movement(run) > movedAtLastFault,
        startedAt + options.timeoutMs,
        'move on',
      );
      movedAtLastFault = movement(before);
      if (finished(before)) {
        notApplied.push(describeFault(fault));
        continue;
      }
      const struckAt = Date.now();
      if (fault.kind === 'broker-crash') {
        await stack.crashBroker();
      } else {
        await stack.killAndRestart(fault.service, fault.replica);
      }
      const outcome = {
        fault: describeFault(fault),
        atSeconds: (struckAt - startedAt) / 1000,
        progress: progressOf(before),
        recoverySeconds: (Date.now() - struckAt) / 1000,
      };
      outcomes.push(outcome);
      options.log(
        `${outcome.fault} at ${outcome.atSeconds.toFixed(1)} s (${outcome.progress}); back in ${outcome.recoverySeconds.toFixed(1)} s`,
      );
    }
    const run = await untilRun(() => readRun(started.body.id), finished, startedAt + options.timeoutMs, 'finish', options.log);
    report = {
      run,
      faults: outcomes,
      notApplied,
      oomnitza: checkOomnitza(stack),
      seconds: (Date.now() - startedAt) / 1000,
    };
  } catch (error) {
    // What went wrong first is what the caller sees: stopping after it may fail too (a broker that is down).
    await stack.stop().catch((stopError: unknown) => options.log(`stopping the chaos stack failed as well: ${String(stopError)}`));
    throw error;
  }
  await stack.stop();
  return report;
}

/** Reads the run until `accepts` holds or it has finished, logging its progress every 5 s when given a log. */
async function untilRun(
  read: () => Promise<RunView | undefined>,
  accepts: (run: RunView) => boolean,
  deadline: number,
  what: string,
  log?: (message: string) => void,
): Promise<RunView> {
  let last: RunView | undefined;
  let loggedAt = Date.now();
  return waitFor(
    async () => {
      last = await read();
      if (log && Date.now() - loggedAt > 5000) {
        loggedAt = Date.now();
        log(`  ${progressOf(last)}`);
      }
      return last && (accepts(last) || finished(last)) ? last : undefined;
    },
    { timeoutMs: Math.max(0, deadline - Date.now()), intervalMs: 100, description: () => `the run to ${what}: ${progressOf(last)}` },
  );
}

/** Every Zoom user the mapping accepts (an e-mail address and both names) must be one person, as Zoom has them. */
function checkOomnitza(stack: ChaosStack): OomnitzaCheck {
  const expected = stack.zoom.population
    .users()
    .filter((user) => user.email && user.first_name?.trim() && user.last_name?.trim())
    .map((user) => ({ email: user.email.toLowerCase(), firstName: user.first_name!.trim(), lastName: user.last_name!.trim() }));
  const { people } = stack.oomnitza.state.export();
  const byEmail = new Map<string, OomnitzaPerson>();
  const counts = new Map<string, number>();
  for (const person of people) {
    const email = String(person.email).toLowerCase();
    byEmail.set(email, person);
    counts.set(email, (counts.get(email) ?? 0) + 1);
  }
  return {
    expected: expected.length,
    people: people.length,
    missing: expected.filter((user) => !byEmail.has(user.email)).map((user) => user.email),
    doubled: [...counts].filter(([, count]) => count > 1).map(([email]) => email),
    wrong: expected
      .filter((user) => {
        const person = byEmail.get(user.email);
        return person !== undefined && (person.first_name !== user.firstName || person.last_name !== user.lastName);
      })
      .map((user) => user.email),
  };
}
