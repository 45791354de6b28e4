import { HttpError } from '../http/http-error';
import { coerceFieldValue, FieldValueError, PersonValue } from '../people/field-values';
import { emptiedOnUpdate, missingOnInsert } from '../people/person-rules';
import { FieldDefinition } from '../people/people-schema';
import { PersonChanges } from '../people/people-store';
import { FATAL_ERROR_TYPE, Run } from '../runs/runs-store';
import { SaasApp } from '../saas/saas-store';
import { nowSeconds, SandboxData } from '../state/sandbox-data';
import { BulkPayload, MAX_RECORDS_PER_REQUEST } from './bulk-payload';
import { parseSaasReference, SaasReference } from './saas-reference';

type Preference = 'create_and_update' | 'create_only' | 'update_only';
type Outcome = 'added' | 'updated' | 'skipped';

interface RecordContext {
  readonly run: Run;
  readonly syncFields: readonly FieldDefinition[];
  readonly preference: Preference;
  readonly testRun: boolean;
  readonly now: number;
  /** When the request was processed, for the state export's `written_at`. */
  readonly writtenAt: string;
}

/** A record the server refuses: it goes to the run's error log and the next record is processed. */
class RecordError extends Error {}

function preferenceOf(payload: BulkPayload): Preference {
  if (payload.insert_only && payload.update_only) {
    throw new HttpError(400, 'insert_only and update_only cannot both be true');
  }
  if (payload.insert_only) {
    return 'create_only';
  }
  return payload.update_only ? 'update_only' : 'create_and_update';
}

function describeKey(fields: readonly FieldDefinition[], values: readonly PersonValue[]): string {
  return fields.map((field, index) => `${field.fieldId}=${JSON.stringify(values[index])}`).join(', ');
}

/**
 * `POST /api/v3/bulk`: matches each record on `sync_field`, then creates, updates or skips it as
 * the preference says. Oomnitza processes bulk data after answering and does not publish its
 * rules; the sandbox applies them before answering, with these choices:
 * - Create only: a record that matches someone is skipped. Update only: one that matches nobody is
 *   skipped. Create & Update: both happen.
 * - A matched record whose values equal what is stored counts as updated (Oomnitza documents no
 *   "unchanged" outcome), but the person's change_date does not move.
 * - A record matching several people (possible on a non-unique sync field) is an error.
 * - Per-record errors: not an object, an unknown field id, a value that does not fit its field
 *   (unknown role, bad date, dropdown value outside its list), no value for a sync field, a new
 *   person lacking USER, EMAIL, FIRST_NAME, LAST_NAME or PERMISSIONS_ID, an update emptying one of
 *   them, a unique value (username, email, external id, unique custom field) another person holds,
 *   an unknown SaaS app.
 * - `test_run`: records are checked and counted but nothing is stored.
 */
export class BulkProcessor {
  constructor(private readonly data: SandboxData) {}

  process(payload: BulkPayload): { portion_id: string; received_records_count: number } {
    if (payload.records.length > MAX_RECORDS_PER_REQUEST) {
      throw new HttpError(400, `A bulk request carries at most ${MAX_RECORDS_PER_REQUEST} records; this one has ${payload.records.length}`);
    }
    if (payload.data_type !== 'users') {
      throw new HttpError(400, `data_type "${payload.data_type}" is not supported: the sandbox holds people ("users")`);
    }
    const preference = preferenceOf(payload);
    const existing = this.data.runs.get(payload.portion);
    if (existing?.canceled) {
      throw new HttpError(409, `Portion ${payload.portion} was canceled`);
    }
    if (existing?.finalized) {
      throw new HttpError(409, `Portion ${payload.portion} is already finalized`);
    }
    const hasError = typeof payload.error === 'string' && payload.error !== '';
    const syncFields = hasError ? [] : this.syncFieldsOf(payload);
    const connectorId = payload.connector_id !== undefined ? String(payload.connector_id) : (payload.connector_name ?? null);
    const run = this.data.runs.open(payload.portion, connectorId, payload.data_type, payload.test_run ?? false, new Date());
    if (hasError) {
      this.logPayloadError(run, payload);
    } else {
      const context: RecordContext = {
        run,
        syncFields,
        preference,
        testRun: payload.test_run ?? false,
        now: nowSeconds(),
        writtenAt: new Date().toISOString(),
      };
      for (const record of payload.records) {
        this.processRecord(record, context);
      }
    }
    return { portion_id: run.portion_id, received_records_count: payload.records.length };
  }

  private syncFieldsOf(payload: BulkPayload): FieldDefinition[] {
    if (!payload.sync_field || payload.sync_field.length === 0) {
      throw new HttpError(400, 'sync_field must name at least one field to match records on');
    }
    return payload.sync_field.map((fieldId) => {
      const field = this.data.schema.fieldById(fieldId);
      if (!field) {
        throw new HttpError(400, `sync_field names an unknown field "${fieldId}"`);
      }
      return field;
    });
  }

  /** The connector's way to report records it could not map: each goes to the error log as sent. */
  private logPayloadError(run: Run, payload: BulkPayload): void {
    const time = new Date().toISOString();
    const records = payload.records.length > 0 ? payload.records : [null];
    for (const record of records) {
      run.errors.push({ time, message: payload.error as string, error_type: payload.error_type ?? null, record });
    }
    if (payload.error_type === FATAL_ERROR_TYPE) {
      run.fatal = true;
    }
  }

  private processRecord(record: unknown, context: RecordContext): void {
    try {
      const outcome = this.applyRecord(record, context);
      if (outcome === 'added') {
        context.run.added_records_count += 1;
      } else if (outcome === 'updated') {
        context.run.updated_records_count += 1;
      } else {
        context.run.skipped_records_count += 1;
      }
    } catch (error) {
      if (!(error instanceof RecordError || error instanceof FieldValueError)) {
        throw error;
      }
      context.run.errors.push({ time: new Date().toISOString(), message: error.message, error_type: null, record });
    }
  }

  private applyRecord(record: unknown, context: RecordContext): Outcome {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new RecordError('A record must be an object keyed by Oomnitza field ids');
    }
    const { changes, saas } = this.readRecord(record as Record<string, unknown>);
    const keyValues: PersonValue[] = [];
    for (const field of context.syncFields) {
      const value = changes[field.property];
      if (value === null || value === undefined) {
        throw new RecordError(`Sync field ${field.fieldId} has no value`);
      }
      keyValues.push(value);
    }
    const matches = this.data.people.match(context.syncFields, keyValues);
    if (matches.length > 1) {
      throw new RecordError(`${matches.length} people match ${describeKey(context.syncFields, keyValues)}`);
    }
    const app = saas && this.resolveSaas(saas);
    const [match] = matches;
    if (match ? context.preference === 'create_only' : context.preference === 'update_only') {
      return 'skipped';
    }
    const invalid = match ? emptiedOnUpdate(this.data.schema, changes) : missingOnInsert(this.data.schema, changes);
    if (invalid.length > 0) {
      const names = invalid.map((field) => field.fieldId).join(', ');
      throw new RecordError(match ? `Mandatory field(s) cannot be emptied: ${names}` : `Missing mandatory field(s): ${names}`);
    }
    const conflict = this.data.people.uniqueConflict(changes, match);
    if (conflict) {
      throw new RecordError(`${conflict.fieldId} ${JSON.stringify(changes[conflict.property])} already belongs to another person`);
    }
    if (!context.testRun) {
      const person = match ?? this.data.people.insert(changes, context.now);
      if (match) {
        this.data.people.update(match, changes, context.now);
      }
      if (app && saas) {
        this.data.saas.link(person.id as number, saas.attributes, context.now);
      }
      this.data.writtenAt.set(person.id as number, context.writtenAt);
    }
    return match ? 'updated' : 'added';
  }

  private readRecord(record: Record<string, unknown>): { changes: PersonChanges; saas?: SaasReference } {
    const changes: PersonChanges = {};
    let saas: SaasReference | undefined;
    for (const key in record) {
      if (key === 'SAAS') {
        saas = record.SAAS === null || record.SAAS === undefined ? undefined : parseSaasReference(record.SAAS);
        continue;
      }
      const field = this.data.schema.fieldById(key);
      if (!field) {
        throw new RecordError(`Unknown field "${key}"`);
      }
      changes[field.property] = coerceFieldValue(field, record[key], key, this.data.roleIds);
    }
    return { changes, saas };
  }

  private resolveSaas(saas: SaasReference): SaasApp {
    const app = this.data.saas.resolveApp(saas);
    if (!app) {
      const named = saas.selected_saas_id ?? saas.sync_key ?? saas.name;
      throw new RecordError(
        named === undefined ? 'SAAS names no SaaS app (sync_key, selected_saas_id or name)' : `Unknown SaaS app ${JSON.stringify(named)}`,
      );
    }
    return app;
  }
}
