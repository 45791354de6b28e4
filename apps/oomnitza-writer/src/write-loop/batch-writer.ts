import { Injectable } from '@nestjs/common';
import { CredentialProblemError, CredentialRef, CredentialsClient, OomnitzaAccess } from '@zoom-oomnitza-sync/credentials-client';
import { OomnitzaBulkClient } from '../oomnitza-api/oomnitza-bulk.client';
import { PendingRecordEntity } from '../pending-records/pending-record.entity';
import { SaasLink, saasValueOf } from '../saas-users/saas-link';
import { NO_STATUS_CHANGES, SaasStatus, StatusChange, StatusOutcome } from '../saas-users/saas-status';
import { decide, IncomingRecord, needsLookup } from '../sync-state/record-decision';
import { UserSyncStateEntity } from '../sync-state/user-sync-state.entity';
import { Clock } from '../timing/clock';
import { WriterMetrics } from '../writer-metrics/writer-metrics';
import { BatchOutcome, DecidedRecord, SyncKeyMove } from './batch-outcome';
import { BatchRefused, recordFailureOf, refusalOf, throwIfPassingOutsideRun } from './oomnitza-failures';
import { PendingBatch } from './pending-batch';
import { PortionEntity } from '../portions/portion.entity';
import { SyncKeyRenames } from './sync-key-renames';
import { WriteStore } from './write-store';

const incoming = (record: PendingRecordEntity): IncomingRecord => ({
  syncKey: record.syncKey as string,
  fields: record.fields ?? {},
  partial: record.partial,
  observedAt: record.observedAt,
});

/** What a turn reads of the integration beside its head batch. */
export interface IntegrationReads {
  /** Its open rolling portions. */
  openRolling: PortionEntity[];
  /** Where its people become SaaS users; undefined for a User only integration. */
  saas: SaasLink | undefined;
}

type RollingCheck = { open?: PortionEntity; canceled?: boolean };

/**
 * The people of a batch whose SaaS user must change status: a record sent with a status between
 * active and not active against the status last written for them (for a new person, any status
 * but active: a new SaaS user starts active), and anyone whose earlier change Oomnitza did not
 * take, sent or not, with the status the record or the sync state has.
 */
function statusChanges(
  batch: PendingBatch,
  records: DecidedRecord[],
  states: Map<string, UserSyncStateEntity>,
  saas: SaasLink,
): StatusChange[] {
  const statusField = saas.targets.status;
  return records.flatMap(({ record, decision }) => {
    const syncKey = record.syncKey as string;
    const state = states.get(syncKey);
    const due = state?.saasStatusDue === true;
    const sent = decision.send?.[statusField];
    const status = sent ?? (due ? (record.fields?.[statusField] ?? state?.fields?.[statusField]) : undefined);
    if (decision.outcome === 'failed' || status === undefined) {
      return [];
    }
    const before = state?.fields?.[statusField];
    const active = status === 'active';
    const changed = due || (before === undefined ? !active : (before === 'active') !== active);
    return changed ? [{ syncKey, syncValue: String(record.fields?.[batch.syncField] ?? record.syncKey), active }] : [];
  });
}

/**
 * The Oomnitza side of one batch, outside any transaction: renames the people whose sync key
 * changed, decides each record from the sync state, asks Oomnitza only what the documentation lets
 * it answer (is the portion canceled, who exists), sends what must be written in one bulk request
 * and finalizes a run's portion after its last batch. What it returns is committed afterwards.
 */
@Injectable()
export class BatchWriter {
  constructor(
    private readonly bulk: OomnitzaBulkClient,
    private readonly credentials: CredentialsClient,
    private readonly store: WriteStore,
    private readonly renames: SyncKeyRenames,
    private readonly clock: Clock,
    private readonly metrics: WriterMetrics,
    private readonly saasStatus: SaasStatus,
  ) {}

  /** `states`: the sync state of the batch's users; `integration`: what the turn read of the integration beside them. */
  async write(batch: PendingBatch, states: Map<string, UserSyncStateEntity>, integration: IntegrationReads): Promise<BatchOutcome> {
    const runPortion = batch.runId ? await this.store.portion(batch.runId) : null;
    if (runPortion && runPortion.status !== 'open') {
      return { kind: 'run-closed', batch };
    }
    try {
      const access = await this.access({ tenantId: batch.tenantId, credentialId: batch.oomnitzaCredentialId });
      return await this.writeWith(access, batch, states, integration);
    } catch (error) {
      throwIfPassingOutsideRun(batch, error);
      const refusal = refusalOf(error);
      if (!refusal) {
        throw error;
      }
      if (batch.runId) {
        return { kind: 'run-stopped', batch, reason: refusal.message, credentialInvalid: refusal.credentialInvalid };
      }
      const records = batch.records.map((record) => ({ record, decision: { outcome: 'failed' as const }, failure: refusal.message }));
      return this.written(batch, records, null, 0, false, [], NO_STATUS_CHANGES);
    }
  }

  /** Finalizes a rolling portion; a portion that cannot be finalized is given up (false) rather than tried forever. */
  async finalizeRollingPortion(portion: PortionEntity): Promise<boolean> {
    try {
      const credential = { tenantId: portion.tenantId, credentialId: portion.oomnitzaCredentialId as string };
      await this.bulk.finalize(await this.access(credential), portion.portionId);
      return true;
    } catch (error) {
      if (!refusalOf(error)) {
        throw error;
      }
      return false;
    }
  }

  private async writeWith(
    access: OomnitzaAccess,
    batch: PendingBatch,
    states: Map<string, UserSyncStateEntity>,
    { openRolling, saas }: IntegrationReads,
  ): Promise<BatchOutcome> {
    const rolling = this.openRollingCheck(access, batch, openRolling);
    const { moves, failures } = await this.renames.follow(access, batch, states);
    const records = await this.decideAll(access, batch, states, failures);
    const toSend = records.filter(({ decision }) => decision.send);
    const statusRetries = records.some(({ record }) => states.get(record.syncKey as string)?.saasStatusDue);
    if (toSend.length === 0 && !batch.endsRun && !statusRetries) {
      return this.written(batch, records, null, 0, false, moves, NO_STATUS_CHANGES);
    }
    let portionId: string | null = null;
    let sent = 0;
    if (toSend.length > 0 || batch.endsRun) {
      portionId = batch.runId ?? (await this.rollingPortion(batch, await rolling));
      if (batch.runId && (await this.bulk.canceled(access, batch.runId))) {
        throw new BatchRefused('the run was canceled in Oomnitza');
      }
      sent = toSend.length > 0 ? await this.send(access, batch, portionId, toSend, saas) : 0;
    }
    const saasStatus =
      saas && !this.store.saasUserDetails
        ? await this.saasStatus.apply(access, saas, batch.syncField, statusChanges(batch, records, states, saas))
        : NO_STATUS_CHANGES;
    const writtenAt = this.clock.now();
    if (batch.endsRun && portionId) {
      await this.bulk.finalize(access, portionId);
    }
    return { kind: 'written', batch, records, portionId, sent, runFinished: batch.endsRun, writtenAt, moves, saasStatus };
  }

  private written(
    batch: PendingBatch,
    records: DecidedRecord[],
    portionId: string | null,
    sent: number,
    runFinished: boolean,
    moves: SyncKeyMove[],
    saasStatus: StatusOutcome,
  ): BatchOutcome {
    return { kind: 'written', batch, records, portionId, sent, runFinished, writtenAt: this.clock.now(), moves, saasStatus };
  }

  private async decideAll(
    access: OomnitzaAccess,
    batch: PendingBatch,
    states: Map<string, UserSyncStateEntity>,
    renameFailures: Map<PendingRecordEntity, string>,
  ): Promise<DecidedRecord[]> {
    const stateOf = (record: PendingRecordEntity) => states.get(record.syncKey as string);
    const syncValueOf = (record: PendingRecordEntity) => record.fields?.[batch.syncField] ?? record.syncKey;
    const unknown = batch.records.filter((record) => !renameFailures.has(record) && needsLookup(incoming(record), stateOf(record), batch));
    let inOomnitza = new Set<string>();
    let lookupFailure: string | undefined;
    if (unknown.length > 0) {
      try {
        inOomnitza = await this.bulk.existing(access, batch.syncField, unknown.map(syncValueOf));
      } catch (error) {
        lookupFailure = recordFailureOf(batch, error);
        if (!lookupFailure) {
          throw error;
        }
      }
    }
    return batch.records.map((record) => {
      const failure = renameFailures.get(record) ?? (unknown.includes(record) ? lookupFailure : undefined);
      return failure
        ? { record, decision: { outcome: 'failed' }, failure }
        : { record, decision: decide(incoming(record), stateOf(record), batch, inOomnitza.has(String(syncValueOf(record)))) };
    });
  }

  /** Sends the records in one request; records of a request Oomnitza refused count as failed. */
  private async send(
    access: OomnitzaAccess,
    batch: PendingBatch,
    portion: string,
    toSend: DecidedRecord[],
    saas: SaasLink | undefined,
  ): Promise<number> {
    const recordOf = ({ decision, record }: DecidedRecord) => {
      const fields = decision.send ?? {};
      return saas ? { ...fields, SAAS: saasValueOf(fields, record, saas, this.store.saasUserDetails) } : fields;
    };
    try {
      await this.bulk.send(access, {
        portion,
        connectorName: `zoom:${batch.integrationId}`,
        syncField: batch.syncField,
        insertOnly: batch.preference === 'create_only',
        updateOnly: batch.preference === 'update_only',
        records: toSend.map(recordOf),
      });
    } catch (error) {
      const failure = recordFailureOf(batch, error);
      if (!failure) {
        throw error;
      }
      for (const record of toSend) {
        record.decision = { outcome: 'failed' };
        record.failure = failure;
      }
      return 0;
    }
    const answeredAt = this.clock.now().getTime();
    const portionKind = batch.runId ? 'run' : 'rolling';
    for (const { record } of toSend) {
      this.metrics.latency.observe({ portion: portionKind }, (answeredAt - record.arrivedAt.getTime()) / 1000);
    }
    return toSend.length;
  }

  /**
   * For a batch outside a run: the open rolling portion for its credential and whether Oomnitza's
   * UI canceled it, asked at once so the answer comes while the batch is decided. A failed check
   * fails the batch only where the batch needs the portion.
   */
  private openRollingCheck(access: OomnitzaAccess, batch: PendingBatch, openRolling: PortionEntity[]): Promise<RollingCheck> {
    const open = openRolling.find((portion) => portion.oomnitzaCredentialId === batch.oomnitzaCredentialId);
    if (batch.runId || !open) {
      return Promise.resolve({});
    }
    const check = this.bulk.canceled(access, open.portionId).then((canceled) => ({ open, canceled }));
    check.catch(() => undefined);
    return check;
  }

  /** The integration's open rolling portion, or a new one when there is none or Oomnitza's UI canceled it. */
  private async rollingPortion(batch: PendingBatch, { open, canceled }: RollingCheck): Promise<string> {
    if (open && !canceled) {
      return open.portionId;
    }
    if (open) {
      await this.store.stopPortion(open.portionId);
    }
    return this.store.openNewRollingPortion(batch, this.clock.now());
  }

  private async access(credential: CredentialRef): Promise<OomnitzaAccess> {
    try {
      return await this.credentials.oomnitzaAccess(credential);
    } catch (error) {
      if (error instanceof CredentialProblemError) {
        throw new BatchRefused(`Oomnitza credential ${credential.credentialId}: ${error.problem}`, true);
      }
      throw error;
    }
  }
}
