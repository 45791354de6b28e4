import { OomnitzaFieldValue, SyncPreference } from '@zoom-oomnitza-sync/contracts';
import { DropReason, RecordOutcome } from '../writer-metrics/writer-metrics';
import { Removed } from '../removals/removal-kinds';
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
  /** What the sync state keeps of when each field's data was read, once the record is taken (written or unchanged). */
  fieldTimes?: Record<string, string>;
  /** The user's newest observation once the record is written: a late record does not move it back. */
  observedAt?: Date;
  /** For a record older than the last write: how the person was marked removed before it, which it does not undo. */
  removalBefore?: Removed | null;
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
 * exists; a record whose content equals the last write is unchanged; one older than the last
 * write changes only the fields whose last write is older still (Zoom may deliver two changes of
 * one user in the other order), and with none it is stale; the preference decides what is skipped.
 */
export function decide(
  record: IncomingRecord,
  state: UserSyncStateEntity | undefined,
  settings: WriteSettings,
  inOomnitza = false,
): RecordDecision {
  const stable = withoutRunTime(record.fields, settings);
  if (state && record.observedAt < state.observedAt) {
    const fresher = Object.fromEntries(Object.entries(stable).filter(([field]) => fieldTime(state, field) < record.observedAt));
    if (Object.keys(fresher).length === 0) {
      return { outcome: 'unchanged', dropped: 'stale' };
    }
    return { ...decidePartial(record, fresher, state, settings), removalBefore: state.removal };
  }
  if (record.partial) {
    return decidePartial(record, stable, state, settings);
  }
  const fieldTimes = fieldTimesAfter(stable, record.observedAt, state);
  if (state?.contentHash === contentHash(stable)) {
    return { outcome: 'unchanged', fieldTimes };
  }
  const exists = state !== undefined || inOomnitza;
  if (settings.preference === 'create_only' ? exists : settings.preference === 'update_only' && !exists) {
    return { outcome: 'skipped' };
  }
  return { outcome: exists ? 'updated' : 'created', send: record.fields, written: stable, fieldTimes, observedAt: newest(record, state) };
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
  const fieldTimes = fieldTimesAfter(stable, record.observedAt, state);
  if (Object.keys(changes).length === 0) {
    return { outcome: 'unchanged', fieldTimes };
  }
  if (settings.preference === 'create_only') {
    return { outcome: 'skipped' };
  }
  const written = { ...known, ...changes };
  const send = { [settings.syncField]: written[settings.syncField] ?? record.syncKey, ...changes };
  return { outcome: 'updated', send, written, fieldTimes, observedAt: newest(record, state) };
}

/** When the data behind a field's last write was read: its own time, or the user's for rows from before fields had one. */
function fieldTime(state: UserSyncStateEntity, field: string): Date {
  const own = state.fieldObservedAt?.[field];
  return own === undefined ? state.observedAt : new Date(own);
}

/** Every known field's time, those `fields` carry moved to `at` where that is newer. */
function fieldTimesAfter(fields: Fields, at: Date, state: UserSyncStateEntity | undefined): Record<string, string> {
  const times = Object.fromEntries(Object.keys(state?.fields ?? {}).map((field) => [field, fieldTime(state!, field).toISOString()]));
  for (const field of Object.keys(fields)) {
    if (times[field] === undefined || new Date(times[field]) < at) {
      times[field] = at.toISOString();
    }
  }
  return times;
}

const newest = (record: IncomingRecord, state: UserSyncStateEntity | undefined): Date =>
  state && state.observedAt > record.observedAt ? state.observedAt : record.observedAt;

function withoutRunTime(fields: Fields, { runTimeField }: WriteSettings): Fields {
  return runTimeField === null ? fields : Object.fromEntries(Object.entries(fields).filter(([field]) => field !== runTimeField));
}
