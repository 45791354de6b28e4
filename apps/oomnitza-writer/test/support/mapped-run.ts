import {
  IntegrationChanged,
  IntegrationChangedValue,
  LeftOutUserDto,
  MessageEnvelope,
  OOMNITZA_ROLE_FIELD,
  OOMNITZA_USERNAME_FIELD,
  OomnitzaFieldValue,
  OomnitzaRecordDto,
  OomnitzaRecordsUpsert,
  OomnitzaRecordsUpsertValue,
  STANDARD_MAPPING,
  SyncKey,
  SyncPreference,
  SyncRunCompleted,
  SyncRunCompletedValue,
  ZoomRemoval,
} from '@zoom-oomnitza-sync/contracts';
import { buildEnvelope } from '@zoom-oomnitza-sync/messaging';
import { randomUUID } from 'node:crypto';

export const SYNC_FIELD = STANDARD_MAPPING.email;
export const RUN_TIME_FIELD = STANDARD_MAPPING.connector_sync_time;
export const ZOOM_ID_FIELD = STANDARD_MAPPING.id;
export const STATUS_FIELD = STANDARD_MAPPING.status;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Zoom Status the mapper writes for each removal a webhook reports. */
const REMOVAL_STATUS = { deactivated: 'inactive', deleted: 'deleted', disassociated: 'disassociated' } as const;

export interface BatchOptions {
  isLastBatch?: boolean;
  preference?: SyncPreference;
  /** A dry run's batch, with the users the mapper left out. */
  dryRun?: { leftOut: LeftOutUserDto[] };
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
    /** What the integration matches people on. */
    readonly syncBy: SyncKey = 'email',
  ) {}

  /** The integration's next run, a day later. */
  next(): MappedRun {
    return new MappedRun(
      this.integrationId,
      this.oomnitzaCredentialId,
      new Date(Date.parse(this.startedAt) + DAY_MS).toISOString(),
      this.syncBy,
    );
  }

  static emailOf(user: number): string {
    return `user${user}@acme.example`;
  }

  static zoomIdOf(user: number): string {
    return `zoom-user-${user}`;
  }

  get syncField(): string {
    return this.syncBy === 'zoom_id' ? ZOOM_ID_FIELD : SYNC_FIELD;
  }

  /** User n as this run maps it, with `changes` to its fields (a new email changes its sync key too). */
  user(n: number, changes: Record<string, OomnitzaFieldValue> = {}, observedAt = this.startedAt): OomnitzaRecordDto {
    const email = MappedRun.emailOf(n);
    const fields: Record<string, OomnitzaFieldValue> = {
      [OOMNITZA_USERNAME_FIELD]: email,
      [STANDARD_MAPPING.email]: email,
      [STANDARD_MAPPING.first_name]: `First${n}`,
      [STANDARD_MAPPING.last_name]: 'Last',
      [OOMNITZA_ROLE_FIELD]: 7,
      [STANDARD_MAPPING.dept]: 'Sales',
      [ZOOM_ID_FIELD]: MappedRun.zoomIdOf(n),
      [STATUS_FIELD]: 'active',
      [RUN_TIME_FIELD]: this.startedAt,
      ...changes,
    };
    return { syncKey: String(fields[this.syncField]), zoomUserId: MappedRun.zoomIdOf(n), fields, observedAt };
  }

  /** User n invited and not yet in the account: Zoom gives it no id yet. */
  pendingUser(n: number): OomnitzaRecordDto {
    return { ...this.user(n, { [ZOOM_ID_FIELD]: null, [STATUS_FIELD]: 'pending' }), zoomUserId: undefined };
  }

  /** A webhook's change to user n: only the fields it carries, to merge into what was last written. */
  partialUser(n: number, changes: Record<string, OomnitzaFieldValue>, observedAt = this.startedAt): OomnitzaRecordDto {
    const syncKey = String(changes[this.syncField] ?? this.user(n).syncKey);
    return { syncKey, zoomUserId: MappedRun.zoomIdOf(n), fields: changes, partial: true, observedAt };
  }

  /** A webhook saying user n was deactivated, deleted or disassociated, as the mapper hands it on. */
  removal(n: number, removal: ZoomRemoval, observedAt = this.startedAt): OomnitzaRecordDto {
    const { syncKey } = this.user(n);
    const fields = {
      [this.syncField]: syncKey,
      [ZOOM_ID_FIELD]: MappedRun.zoomIdOf(n),
      [STATUS_FIELD]: REMOVAL_STATUS[removal],
      [RUN_TIME_FIELD]: observedAt,
    };
    return { syncKey, zoomUserId: MappedRun.zoomIdOf(n), fields, partial: true, removal, observedAt };
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

  /** The integration as the scheduler announces it: active, standard mapping, removal settings as given (else none). */
  integrationChanged(
    settings: Partial<IntegrationChangedValue> = {},
    revision = 1,
    preference: SyncPreference = 'create_and_update',
  ): MessageEnvelope<IntegrationChangedValue> {
    return buildEnvelope(
      IntegrationChanged,
      {
        tenantId: this.tenantId,
        integrationId: this.integrationId,
        payload: {
          revision,
          state: 'active',
          name: 'Zoom users',
          type: 'user',
          preference,
          zoomCredentialId: 'zoom-1',
          oomnitzaCredentialId: this.oomnitzaCredentialId,
          mapping: { oomnitzaRoleId: 7, syncKey: this.syncBy, fieldTargets: {} },
          ...settings,
        },
      },
      randomUUID(),
      new Date(),
    );
  }

  /** The scheduler's word that this run completed, clean or not. */
  completed(clean = true): MessageEnvelope<SyncRunCompletedValue> {
    const { tenantId, integrationId, runId } = this;
    return buildEnvelope(
      SyncRunCompleted,
      { tenantId, integrationId, runId, payload: { runId, runStartedAt: this.startedAt, clean } },
      randomUUID(),
      new Date(),
    );
  }

  private envelope(
    runId: string | undefined,
    records: OomnitzaRecordDto[],
    { isLastBatch = false, preference = 'create_and_update', dryRun }: BatchOptions,
  ): MessageEnvelope<OomnitzaRecordsUpsertValue> {
    const { tenantId, integrationId, oomnitzaCredentialId } = this;
    return buildEnvelope(
      OomnitzaRecordsUpsert,
      {
        tenantId,
        integrationId,
        runId,
        observedAt: this.startedAt,
        payload: {
          runId,
          oomnitzaCredentialId,
          preference,
          syncField: this.syncField,
          runTimeField: RUN_TIME_FIELD,
          isLastBatch,
          records,
          ...(dryRun ? { dryRun: true, leftOut: dryRun.leftOut } : {}),
        },
      },
      randomUUID(),
      new Date(),
    );
  }
}
