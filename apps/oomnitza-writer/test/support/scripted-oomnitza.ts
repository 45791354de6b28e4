import { ConfigService } from '@nestjs/config';
import { OomnitzaAccess } from '@zoom-oomnitza-sync/credentials-client';
import { OomnitzaApiError } from '../../src/oomnitza-api/oomnitza-api.error';
import { BulkRequest, OomnitzaBulkClient, PortionState } from '../../src/oomnitza-api/oomnitza-bulk.client';
import { OomnitzaWriterEnvironment } from '../../src/oomnitza-writer.environment';

type BulkCall = 'send' | 'portion' | 'finalize';

export interface SentRequest extends BulkRequest {
  apiToken: string;
}

interface Portion extends PortionState {
  finalized: boolean;
}

/**
 * Oomnitza's bulk API in memory, in place of the HTTP client: each portion counts what it was
 * sent the way Oomnitza's run log does (added, updated, skipped because of insert_only or
 * update_only, an error for a record it refuses), and calls fail on demand the way the real client
 * reports failures once its retries are spent: with an OomnitzaApiError.
 */
export class ScriptedOomnitza extends OomnitzaBulkClient {
  /** Every call made, failed ones included, in order. */
  readonly calls: BulkCall[] = [];
  readonly requests: SentRequest[] = [];
  /** Sync field values of the people Oomnitza holds. */
  private readonly people = new Set<string>();
  /** Sync field values of records Oomnitza logs as errors (say, a username another person holds). */
  private readonly refused = new Set<string>();
  private readonly portions = new Map<string, Portion>();
  private readonly nextFailures = new Map<BulkCall, OomnitzaApiError[]>();
  private tokenRefusal: OomnitzaApiError | undefined;

  constructor() {
    super(new ConfigService<OomnitzaWriterEnvironment, true>({ ...new OomnitzaWriterEnvironment() }));
  }

  /** People already in Oomnitza before the run, by their sync field value. */
  holds(...syncValues: string[]): void {
    for (const value of syncValues) {
      this.people.add(value);
    }
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
  failNext(call: BulkCall, error: OomnitzaApiError): void {
    this.nextFailures.set(call, [...(this.nextFailures.get(call) ?? []), error]);
  }

  /** Every call from now on is refused: the API token was revoked. */
  revokeToken(status: 401 | 403): void {
    this.tokenRefusal = new OomnitzaApiError(status, `Oomnitza answered ${status}: the API token is not valid`);
  }

  portionSnapshot(portion: string): Portion {
    return { ...this.portionOf(portion) };
  }

  /** The sync field value of every record sent, in order, from the request numbered `fromRequest` on. */
  sentSyncKeys(fromRequest = 0): string[] {
    return this.requests.slice(fromRequest).flatMap((request) => request.records.map((record) => String(record[request.syncField])));
  }

  override async send(access: OomnitzaAccess, request: BulkRequest): Promise<void> {
    this.requests.push({ ...request, apiToken: access.apiToken });
    this.answer('send');
    const portion = this.portionOf(request.portion);
    if (portion.canceled || portion.finalized) {
      throw new OomnitzaApiError(409, `Portion ${request.portion} is ${portion.canceled ? 'canceled' : 'already finalized'}`);
    }
    for (const record of request.records) {
      this.count(portion, record, request);
    }
  }

  override async portion(_access: OomnitzaAccess, portion: string): Promise<PortionState> {
    this.answer('portion');
    return this.stateOf(this.portionOf(portion));
  }

  override async finalize(_access: OomnitzaAccess, portion: string): Promise<PortionState> {
    this.answer('finalize');
    const state = this.portionOf(portion);
    state.finalized = true;
    return this.stateOf(state);
  }

  private count(portion: Portion, record: Record<string, unknown>, request: BulkRequest): void {
    const syncValue = String(record[request.syncField]);
    const known = this.people.has(syncValue);
    if (this.refused.has(syncValue)) {
      portion.errors += 1;
    } else if (known ? request.insertOnly : request.updateOnly) {
      portion.skipped += 1;
    } else if (known) {
      portion.updated += 1;
    } else {
      this.people.add(syncValue);
      portion.added += 1;
    }
  }

  /** Records the call and fails it if the script says so. */
  private answer(call: BulkCall): void {
    this.calls.push(call);
    if (this.tokenRefusal) {
      throw this.tokenRefusal;
    }
    const failure = this.nextFailures.get(call)?.shift();
    if (failure) {
      throw failure;
    }
  }

  private portionOf(id: string): Portion {
    let portion = this.portions.get(id);
    if (!portion) {
      portion = { added: 0, updated: 0, skipped: 0, errors: 0, canceled: false, finalized: false };
      this.portions.set(id, portion);
    }
    return portion;
  }

  private stateOf({ added, updated, skipped, errors, canceled }: Portion): PortionState {
    return { added, updated, skipped, errors, canceled };
  }
}
