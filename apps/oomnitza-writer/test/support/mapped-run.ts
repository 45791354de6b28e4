import {
  MessageEnvelope,
  OOMNITZA_ROLE_FIELD,
  OOMNITZA_USERNAME_FIELD,
  OomnitzaFieldValue,
  OomnitzaRecordDto,
  OomnitzaRecordsUpsert,
  OomnitzaRecordsUpsertValue,
  STANDARD_MAPPING,
  SyncPreference,
} from '@zoom-oomnitza-sync/contracts';
import { buildEnvelope } from '@zoom-oomnitza-sync/messaging';
import { randomUUID } from 'node:crypto';

export const SYNC_FIELD = STANDARD_MAPPING.email;
export const RUN_TIME_FIELD = STANDARD_MAPPING.connector_sync_time;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface BatchOptions {
  isLastBatch?: boolean;
  preference?: SyncPreference;
}

/** One run of one integration, its records addressed to the writer the way the mapper does it. */
export class MappedRun {
  readonly tenantId = 'acme';
  readonly runId = randomUUID();

  constructor(
    readonly integrationId = randomUUID(),
    readonly oomnitzaCredentialId = `oomnitza-${randomUUID()}`,
    /** The run's time: every record carries it in the run-time field, and Zoom was read then. */
    readonly startedAt = new Date().toISOString(),
  ) {}

  /** The integration's next run, a day later. */
  next(): MappedRun {
    return new MappedRun(this.integrationId, this.oomnitzaCredentialId, new Date(Date.parse(this.startedAt) + DAY_MS).toISOString());
  }

  static emailOf(user: number): string {
    return `user${user}@acme.example`;
  }

  /** User n as this run maps it, with `changes` to its fields. */
  user(n: number, changes: Record<string, OomnitzaFieldValue> = {}, observedAt = this.startedAt): OomnitzaRecordDto {
    const email = MappedRun.emailOf(n);
    return {
      syncKey: email,
      zoomUserId: `zoom-user-${n}`,
      fields: {
        [OOMNITZA_USERNAME_FIELD]: email,
        [STANDARD_MAPPING.email]: email,
        [STANDARD_MAPPING.first_name]: `First${n}`,
        [STANDARD_MAPPING.last_name]: 'Last',
        [OOMNITZA_ROLE_FIELD]: 7,
        [STANDARD_MAPPING.dept]: 'Sales',
        [RUN_TIME_FIELD]: this.startedAt,
        ...changes,
      },
      observedAt,
    };
  }

  /** A webhook's change to user n: only the fields it carries, to merge into what was last written. */
  partialUser(n: number, changes: Record<string, OomnitzaFieldValue>, observedAt = this.startedAt): OomnitzaRecordDto {
    return { syncKey: MappedRun.emailOf(n), zoomUserId: `zoom-user-${n}`, fields: changes, partial: true, observedAt };
  }

  /** `count` users, numbered from `first` on. */
  users(first: number, count: number): OomnitzaRecordDto[] {
    return Array.from({ length: count }, (_, index) => this.user(first + index));
  }

  batch(records: OomnitzaRecordDto[], options: BatchOptions = {}): MessageEnvelope<OomnitzaRecordsUpsertValue> {
    return this.envelope(this.runId, records, options);
  }

  /** Records outside any run, as the mapper hands on webhook changes. */
  changes(records: OomnitzaRecordDto[], options: Pick<BatchOptions, 'preference'> = {}): MessageEnvelope<OomnitzaRecordsUpsertValue> {
    return this.envelope(undefined, records, options);
  }

  private envelope(
    runId: string | undefined,
    records: OomnitzaRecordDto[],
    { isLastBatch = false, preference = 'create_and_update' }: BatchOptions,
  ): MessageEnvelope<OomnitzaRecordsUpsertValue> {
    const { tenantId, integrationId, oomnitzaCredentialId } = this;
    return buildEnvelope(
      OomnitzaRecordsUpsert,
      {
        tenantId,
        integrationId,
        runId,
        observedAt: this.startedAt,
        payload: { runId, oomnitzaCredentialId, preference, syncField: SYNC_FIELD, runTimeField: RUN_TIME_FIELD, isLastBatch, records },
      },
      randomUUID(),
      new Date(),
    );
  }
}
