export type RunStatus = 'In progress' | 'Completed' | 'Completed with errors' | 'Failed' | 'Canceled';

/** What Oomnitza's connector sends as `error_type` when a run cannot go on. */
export const FATAL_ERROR_TYPE = 'Fatal Error';

export interface RunErrorEntry {
  time: string;
  message: string;
  error_type: string | null;
  /** The record as the client sent it, when the error concerns one. */
  record: unknown;
}

/** One connector run: a bulk `portion`, its records accumulating until it is finalized. */
export interface Run {
  portion_id: string;
  connector_id: string | null;
  data_type: string;
  start_time: string;
  end_time: string | null;
  status: RunStatus;
  canceled: boolean;
  finalized: boolean;
  /** A fatal error (error_type "Fatal Error") was logged: the run ends "Failed". */
  fatal: boolean;
  test_run: boolean;
  is_empty_run: boolean;
  added_records_count: number;
  updated_records_count: number;
  skipped_records_count: number;
  errors: RunErrorEntry[];
}

/** A run as `GET /api/v3/connector_run_logs/{connector_id}` lists it. */
export function runLogView(run: Run) {
  return {
    portion_id: run.portion_id,
    connector_id: run.connector_id,
    data_type: run.data_type,
    start_time: run.start_time,
    end_time: run.end_time,
    status: run.status,
    canceled: run.canceled,
    test_run: run.test_run,
    is_empty_run: run.is_empty_run,
    added_records_count: run.added_records_count,
    updated_records_count: run.updated_records_count,
    skipped_records_count: run.skipped_records_count,
    error_logs_count: run.errors.length,
  };
}

function settledStatus(run: Run): RunStatus {
  if (run.canceled) {
    return 'Canceled';
  }
  if (run.fatal) {
    return 'Failed';
  }
  return run.errors.length > 0 ? 'Completed with errors' : 'Completed';
}

export class RunsStore {
  private readonly runs = new Map<string, Run>();
  private readonly byConnector = new Map<string, Run[]>();

  get(portion: string): Run | undefined {
    return this.runs.get(portion);
  }

  all(): Run[] {
    return [...this.runs.values()];
  }

  /** Newest first, as a run history reads. */
  ofConnector(connectorId: string): Run[] {
    return [...(this.byConnector.get(connectorId) ?? [])].reverse();
  }

  /** The run of `portion`, started now if this is its first sight. */
  open(portion: string, connectorId: string | null, dataType: string, testRun: boolean, now: Date): Run {
    let run = this.runs.get(portion);
    if (!run) {
      run = this.create(portion, now);
      run.data_type = dataType;
      run.test_run = testRun;
    }
    if (connectorId !== null && run.connector_id === null) {
      this.attach(run, connectorId);
    }
    return run;
  }

  /** Closes the run; finalizing twice changes nothing. An unknown portion becomes an empty run. */
  finalize(portion: string, now: Date): Run {
    const run = this.runs.get(portion) ?? this.create(portion, now);
    if (!run.finalized) {
      run.finalized = true;
      run.end_time = now.toISOString();
      run.is_empty_run = run.added_records_count + run.updated_records_count + run.skipped_records_count + run.errors.length === 0;
      run.status = settledStatus(run);
    }
    return run;
  }

  /** Sets the flag the connector polls; a portion not seen yet is created so it is canceled from its start. */
  setCanceled(portion: string, canceled: boolean, now: Date): Run {
    const run = this.runs.get(portion) ?? this.create(portion, now);
    run.canceled = canceled;
    run.status = run.finalized || canceled ? settledStatus(run) : 'In progress';
    return run;
  }

  /**
   * A run recorded whole by `add_ready_portion`: failed before any record, empty, or a synthetic
   * success with an `added` count. Emptiness follows from the counts, as for any finalized run.
   */
  addReady(
    connectorId: string,
    portion: string,
    outcome: { failed: boolean; errorMessage?: string; errorType?: string; added: number; testRun: boolean },
    now: Date,
  ): Run {
    const run = this.create(portion, now);
    this.attach(run, connectorId);
    run.test_run = outcome.testRun;
    run.added_records_count = outcome.added;
    if (outcome.failed) {
      run.fatal = true;
      run.errors.push({
        time: now.toISOString(),
        message: outcome.errorMessage ?? 'The run failed',
        error_type: outcome.errorType ?? null,
        record: null,
      });
    }
    return this.finalize(portion, now);
  }

  clear(): void {
    this.runs.clear();
    this.byConnector.clear();
  }

  private create(portion: string, now: Date): Run {
    const run: Run = {
      portion_id: portion,
      connector_id: null,
      data_type: 'users',
      start_time: now.toISOString(),
      end_time: null,
      status: 'In progress',
      canceled: false,
      finalized: false,
      fatal: false,
      test_run: false,
      is_empty_run: false,
      added_records_count: 0,
      updated_records_count: 0,
      skipped_records_count: 0,
      errors: [],
    };
    this.runs.set(portion, run);
    return run;
  }

  private attach(run: Run, connectorId: string): void {
    run.connector_id = connectorId;
    const runs = this.byConnector.get(connectorId) ?? [];
    runs.push(run);
    this.byConnector.set(connectorId, runs);
  }
}
