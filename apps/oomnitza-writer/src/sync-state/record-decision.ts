import { OomnitzaFieldValue, SyncPreference } from '@zoom-oomnitza-sync/contracts';
import { DropReason, RecordOutcome } from '../writer-metrics/writer-metrics';
import { contentHash } from './content-hash';
import { UserSyncStateEntity } from './user-sync-state.entity';

type Fields = Record<string, OomnitzaFieldValue>;

/** One record as the writer received it. */
export interface IncomingRecord {
  syncKey: string;
  fields: Fields;
  partial: boolean;
  observedAt: Date;
}

/** How the records of one bulk request are written. */
export interface WriteSettings {
  preference: SyncPreference;
  syncField: string;
  runTimeField: string | null;
}

/** What becomes of one record, and how it is counted, decided from the sync state alone. */
export interface RecordDecision {
  outcome: RecordOutcome;
  /** The fields to send; absent when the record is not sent. */
  send?: Fields;
  /** The fields the sync state keeps once Oomnitza took the record (without the run-time field). */
  written?: Fields;
  dropped?: DropReason;
}

/**
 * Whether Oomnitza must be asked if it holds the record's person: with Create only or Update only
 * the outcome of a record the integration never wrote depends on it.
 */
export function needsLookup(record: IncomingRecord, state: UserSyncStateEntity | undefined, settings: WriteSettings): boolean {
  return !record.partial && !state && settings.preference !== 'create_and_update';
}

/**
 * Counts come from what the writer knows, never from Oomnitza's counts: a person it has written
 * (sync state) or that Oomnitza holds (`inOomnitza`, looked up for Create only and Update only)
 * exists; a record whose content equals the last write, or that is older than it, is unchanged;
 * the preference decides what is skipped.
 */
export function decide(
  record: IncomingRecord,
  state: UserSyncStateEntity | undefined,
  settings: WriteSettings,
  inOomnitza = false,
): RecordDecision {
  if (state && record.observedAt < state.observedAt) {
    return { outcome: 'unchanged', dropped: 'stale' };
  }
  const stable = withoutRunTime(record.fields, settings);
  if (record.partial) {
    return decidePartial(record, stable, state, settings);
  }
  if (state?.contentHash === contentHash(stable)) {
    return { outcome: 'unchanged' };
  }
  const exists = state !== undefined || inOomnitza;
  if (settings.preference === 'create_only' ? exists : settings.preference === 'update_only' && !exists) {
    return { outcome: 'skipped' };
  }
  return { outcome: exists ? 'updated' : 'created', send: record.fields, written: stable };
}

/** A partial record changes the fields it carries in what was last written; it never creates anyone. */
function decidePartial(
  record: IncomingRecord,
  stable: Fields,
  state: UserSyncStateEntity | undefined,
  settings: WriteSettings,
): RecordDecision {
  if (!state) {
    return { outcome: 'skipped', dropped: 'partial_unknown' };
  }
  const known = state.fields ?? {};
  const changes = Object.fromEntries(Object.entries(stable).filter(([field, value]) => !(field in known) || known[field] !== value));
  if (Object.keys(changes).length === 0) {
    return { outcome: 'unchanged' };
  }
  if (settings.preference === 'create_only') {
    return { outcome: 'skipped' };
  }
  const written = { ...known, ...changes };
  const send = { [settings.syncField]: written[settings.syncField] ?? record.syncKey, ...changes };
  return { outcome: 'updated', send, written };
}

function withoutRunTime(fields: Fields, { runTimeField }: WriteSettings): Fields {
  return runTimeField === null ? fields : Object.fromEntries(Object.entries(fields).filter(([field]) => field !== runTimeField));
}
