/** What Oomnitza has counted for one portion (run) so far. */
export interface PortionCounts {
  added: number;
  updated: number;
  skipped: number;
  errors: number;
}

export function countsOf(body: Record<string, unknown>): PortionCounts {
  const number = (name: string) => (typeof body[name] === 'number' ? (body[name] as number) : 0);
  return {
    added: number('added_records_count'),
    updated: number('updated_records_count'),
    skipped: number('skipped_records_count'),
    errors: number('error_logs_count'),
  };
}

export function difference(after: PortionCounts, before: PortionCounts): PortionCounts {
  return {
    added: after.added - before.added,
    updated: after.updated - before.updated,
    skipped: after.skipped - before.skipped,
    errors: after.errors - before.errors,
  };
}
