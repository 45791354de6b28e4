import { createGuardedFetch, OutboundAddressPolicy } from '@zoom-oomnitza-sync/outbound-http';
import { ConfigService } from '@nestjs/config';
import { OomnitzaFieldValue } from '@zoom-oomnitza-sync/contracts';
import { OomnitzaAccess } from '@zoom-oomnitza-sync/credentials-client';
import { OomnitzaApiError } from '../../src/oomnitza-api/oomnitza-api.error';
import { BulkRequest, OomnitzaBulkClient } from '../../src/oomnitza-api/oomnitza-bulk.client';
import { OomnitzaWriterEnvironment } from '../../src/oomnitza-writer.environment';
import { Pause } from '@zoom-oomnitza-sync/platform';

type OomnitzaCall =
  | 'send'
  | 'canceled'
  | 'finalize'
  | 'existing'
  | 'peopleBySyncValue'
  | 'findPerson'
  | 'updatePerson'
  | 'saasUsersOf'
  | 'setSaasUsersActive';

type Fields = Record<string, OomnitzaFieldValue>;

export interface SentRequest extends BulkRequest {
  apiToken: string;
}

/** What Oomnitza's run history would show for a portion; the writer never reads it, tests compare with it. */
export interface RunLog {
  canceled: boolean;
  finalized: boolean;
  added: number;
  updated: number;
  skipped: number;
  errors: number;
}

/** Requests of one integration that wait until the test lets them through, as a hung Oomnitza would. */
export class HeldRequests {
  private releaseAll!: () => void;
  private readonly released = new Promise<void>((resolve) => (this.releaseAll = resolve));
  count = 0;

  release(): void {
    this.releaseAll();
  }

  hold(): Promise<void> {
    this.count += 1;
    return this.released;
  }
}

/**
 * Oomnitza's bulk and people APIs in memory, in place of the HTTP client, answering only what
 * Oomnitza documents: a portion says whether it is canceled, finalize and send acknowledge, the
 * people filter finds people, PATCH changes one. Behind that it keeps its people (their fields by
 * field id, matched on the sync field as bulk requests name it) and each portion's run log the way
 * Oomnitza counts (added, updated, skipped because of insert_only or update_only, an error for a
 * record it refuses), and calls fail on demand the way the real client reports failures once its
 * retries are spent: with an OomnitzaApiError.
 */
export class ScriptedOomnitza extends OomnitzaBulkClient {
  /** Every call made, failed ones included, in order. */
  readonly calls: OomnitzaCall[] = [];
  readonly requests: SentRequest[] = [];
  /** Every PATCH, in order. */
  readonly personUpdates: { personId: string; changes: Fields }[] = [];
  /** The people Oomnitza holds, by id. */
  private readonly persons = new Map<string, Fields>();
  private nextPersonId = 1;
  /** Sync field values of records Oomnitza logs as errors (say, a username another person holds). */
  private readonly refused = new Set<string>();
  private readonly portions = new Map<string, RunLog>();
  private readonly nextFailures = new Map<OomnitzaCall, OomnitzaApiError[]>();
  private readonly held = new Map<string, HeldRequests>();
  private tokenRefusal: OomnitzaApiError | undefined;
  /** The status each SaaS user was last set to through activate / deactivate, by SaaS user id. */
  private readonly saasStatuses = new Map<string, boolean>();

  constructor() {
    // Never calls out: every method is scripted here.
    super(
      new ConfigService<OomnitzaWriterEnvironment, true>({ ...new OomnitzaWriterEnvironment() }),
      new Pause(),
      createGuardedFetch(OutboundAddressPolicy.fromAllowList('')),
    );
  }

  /** People already in Oomnitza, by their email (the sync field of most tests). */
  holds(...emails: string[]): void {
    for (const email of emails) {
      this.holdsPerson({ EMAIL: email });
    }
  }

  holdsPerson(fields: Fields): void {
    this.persons.set(String(this.nextPersonId++), { ...fields });
  }

  /** Every person, with the fields written to them. */
  people(): Fields[] {
    return [...this.persons.values()].map((fields) => ({ ...fields }));
  }

  refusesRecordOf(...syncValues: string[]): void {
    for (const value of syncValues) {
      this.refused.add(value);
    }
  }

  cancel(portion: string): void {
    this.portionOf(portion).canceled = true;
  }

  /** The next call of this kind fails with the error; later ones succeed again. */
  failNext(call: OomnitzaCall, error: OomnitzaApiError): void {
    this.nextFailures.set(call, [...(this.nextFailures.get(call) ?? []), error]);
  }

  /** Every call from now on is refused: the API token was revoked. */
  revokeToken(status: 401 | 403): void {
    this.tokenRefusal = new OomnitzaApiError(status, `Oomnitza answered ${status}: the API token is not valid`);
  }

  /** Bulk requests of the integration hang from now on, until released. */
  holdRequestsOf(integrationId: string): HeldRequests {
    const held = new HeldRequests();
    this.held.set(`zoom:${integrationId}`, held);
    return held;
  }

  runLog(portion: string): RunLog {
    return { ...this.portionOf(portion) };
  }

  /** Ids of the portions records were sent to, in the order first used. */
  portionsUsed(): string[] {
    return [...new Set(this.requests.map((request) => request.portion))];
  }

  /** The sync field value of every record sent, in order, from the request numbered `fromRequest` on. */
  sentSyncKeys(fromRequest = 0): string[] {
    return this.requests.slice(fromRequest).flatMap((request) => request.records.map((record) => String(record[request.syncField])));
  }

  override async send(access: OomnitzaAccess, request: BulkRequest): Promise<void> {
    this.requests.push({ ...request, apiToken: access.apiToken });
    await this.held.get(request.connectorName)?.hold();
    this.answer('send');
    const portion = this.portionOf(request.portion);
    if (portion.canceled || portion.finalized) {
      throw new OomnitzaApiError(409, `Portion ${request.portion} is ${portion.canceled ? 'canceled' : 'already finalized'}`);
    }
    for (const record of request.records) {
      // It keeps people only: a User plus SaaS user record's SAAS link is kept as a value like the others.
      this.count(portion, record as Fields, request);
    }
  }

  override async canceled(_access: OomnitzaAccess, portion: string): Promise<boolean> {
    this.answer('canceled');
    return this.portionOf(portion).canceled;
  }

  override async finalize(_access: OomnitzaAccess, portion: string): Promise<void> {
    this.answer('finalize');
    this.portionOf(portion).finalized = true;
  }

  override async existing(_access: OomnitzaAccess, syncField: string, values: OomnitzaFieldValue[]): Promise<Set<string>> {
    this.answer('existing');
    return new Set(values.map(String).filter((value) => this.personWith(syncField, value)));
  }

  override async peopleBySyncValue(
    _access: OomnitzaAccess,
    syncField: string,
    values: OomnitzaFieldValue[],
    fields: string[],
  ): Promise<Map<string, Record<string, unknown>>> {
    this.answer('peopleBySyncValue');
    // A person's id is its key here, as Oomnitza's `id` is no field the writer writes.
    const people = values.flatMap((value) => {
      const found = this.personWith(syncField, String(value));
      return found ? [{ ...found[1], id: found[0] } as Fields] : [];
    });
    return new Map(
      people.map((person) => [String(person[syncField]).toLowerCase(), Object.fromEntries(fields.map((field) => [field, person[field]]))]),
    );
  }

  override async findPerson(_access: OomnitzaAccess, field: string, value: OomnitzaFieldValue): Promise<string | undefined> {
    this.answer('findPerson');
    return this.personWith(field, String(value))?.[0];
  }

  /** A person whose record carried a SAAS link has a SaaS user, `saas-<person id>`. */
  override async saasUsersOf(_access: OomnitzaAccess, _saasId: string, personIds: string[]): Promise<Map<string, string>> {
    this.answer('saasUsersOf');
    return new Map(personIds.filter((id) => this.persons.get(id)?.SAAS !== undefined).map((id) => [id, `saas-${id}`]));
  }

  override async setSaasUsersActive(_access: OomnitzaAccess, saasUserIds: string[], active: boolean): Promise<Set<string>> {
    this.answer('setSaasUsersActive');
    for (const id of saasUserIds) {
      this.saasStatuses.set(id, active);
    }
    return new Set();
  }

  /** Whether the SaaS user of the person with this sync value was last activated (true), deactivated (false), or neither (undefined). */
  saasUserActive(syncField: string, value: string): boolean | undefined {
    const person = this.personWith(syncField, value);
    return person ? this.saasStatuses.get(`saas-${person[0]}`) : undefined;
  }

  /** Refuses, as Oomnitza does, a unique value (the sync field, the username) that belongs to someone else. */
  override async updatePerson(_access: OomnitzaAccess, personId: string, changes: Fields): Promise<void> {
    this.answer('updatePerson');
    this.personUpdates.push({ personId, changes: { ...changes } });
    const person = this.persons.get(personId);
    if (!person) {
      throw new OomnitzaApiError(404, `Oomnitza answered 404 to PATCH /api/v3/users/${personId}`);
    }
    for (const [field, value] of Object.entries(changes)) {
      const owner = this.personWith(field, String(value));
      if (owner && owner[0] !== personId) {
        throw new OomnitzaApiError(400, `Oomnitza answered 400 to PATCH /api/v3/users/${personId}: ${field} belongs to another person`);
      }
    }
    Object.assign(person, changes);
  }

  private personWith(field: string, value: string): [string, Fields] | undefined {
    return [...this.persons.entries()].find(([, fields]) => fields[field] !== undefined && String(fields[field]) === value);
  }

  private count(portion: RunLog, record: Fields, request: BulkRequest): void {
    const syncValue = String(record[request.syncField]);
    const known = this.personWith(request.syncField, syncValue);
    if (this.refused.has(syncValue)) {
      portion.errors += 1;
    } else if (known ? request.insertOnly : request.updateOnly) {
      portion.skipped += 1;
    } else if (known) {
      Object.assign(known[1], record);
      portion.updated += 1;
    } else {
      this.holdsPerson(record);
      portion.added += 1;
    }
  }

  /** Records the call and fails it if the script says so. */
  private answer(call: OomnitzaCall): void {
    this.calls.push(call);
    if (this.tokenRefusal) {
      throw this.tokenRefusal;
    }
    const failure = this.nextFailures.get(call)?.shift();
    if (failure) {
      throw failure;
    }
  }

  private portionOf(id: string): RunLog {
    let portion = this.portions.get(id);
    if (!portion) {
      portion = { added: 0, updated: 0, skipped: 0, errors: 0, canceled: false, finalized: false };
      this.portions.set(id, portion);
    }
    return portion;
  }
}
