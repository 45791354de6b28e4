import { customFieldView } from '../people/people-schema';
import { Person } from '../people/people-store';
import { runLogView } from '../runs/runs-store';
import { SandboxData } from './sandbox-data';

/** Everything the sandbox holds, as `GET /sandbox/state` answers it (a copy: safe to keep and compare). */
export function exportState(data: SandboxData) {
  return structuredClone({
    people: exportPeople(data),
    roles: [...data.roles.values()],
    custom_fields: data.schema.customFields.map(customFieldView),
    saas: { app: data.saas.app, roles: data.saas.rolesWithCounts(), users: data.saas.all() },
    runs: data.runs.all().map((run) => ({ ...runLogView(run), finalized: run.finalized, errors: run.errors })),
    faults: data.faults.snapshot(),
  });
}

export type SandboxStateExport = ReturnType<typeof exportState>;

/**
 * The people alone, each a shallow copy: cheap enough to poll many times a second while a load
 * runs (the full export clones every run's log too). written_at is the sandbox's own: when a bulk
 * record last created or updated the person.
 */
export function exportPeople(data: SandboxData): Person[] {
  return [...data.people.all()].map((person): Person => ({ ...person, written_at: data.writtenAt.get(person.id as number) ?? null }));
}

/** The people a bulk record created or updated at or after `since`, copied as exportPeople copies them: for a tracker polling a load. */
export function exportPeopleWrittenSince(data: SandboxData, since: Date): Person[] {
  const from = since.toISOString();
  const people: Person[] = [];
  for (const [id, writtenAt] of data.writtenAt) {
    const person = writtenAt >= from ? data.people.get(id) : undefined;
    if (person) {
      people.push({ ...person, written_at: writtenAt });
    }
  }
  return people;
}

/** Counts only: cheap to read after a load test that created a million people. */
export function summarizeState(data: SandboxData) {
  const runs = data.runs.all();
  const total = (count: (run: (typeof runs)[number]) => number) => runs.reduce((sum, run) => sum + count(run), 0);
  return {
    people: data.people.size,
    saas_users: data.saas.all().length,
    runs: runs.length,
    runs_in_progress: runs.filter((run) => !run.finalized).length,
    added_records_count: total((run) => run.added_records_count),
    updated_records_count: total((run) => run.updated_records_count),
    skipped_records_count: total((run) => run.skipped_records_count),
    error_logs_count: total((run) => run.errors.length),
  };
}

export type SandboxStateSummary = ReturnType<typeof summarizeState>;
