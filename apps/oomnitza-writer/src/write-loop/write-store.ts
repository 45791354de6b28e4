import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { OomnitzaRecordsWritten, RunProgress } from '@zoom-oomnitza-sync/contracts';
import { OutboxService } from '@zoom-oomnitza-sync/messaging';
import { preparedStatement, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { OomnitzaWriterEnvironment } from '../oomnitza-writer.environment';
import { PendingRecordEntity } from '../pending-records/pending-record.entity';
import { Lease, WriteQueues } from '../pending-records/write-queues';
import { PortionEntity, PortionStatus } from '../portions/portion.entity';
import { removedBy } from '../removals/removal-kinds';
import { SaasLink, saasLinkOf } from '../saas-users/saas-link';
import { IntegrationSettingsEntity } from '../integration-settings/integration-settings.entity';
import { contentHash } from '../sync-state/content-hash';
import { UserSyncStateEntity } from '../sync-state/user-sync-state.entity';
import { BatchOutcome } from './batch-outcome';
import { headBatch, PendingBatch } from './pending-batch';

type Written = Extract<BatchOutcome, { kind: 'written' }>;

/**
 * The writer loop's database side. Reads happen outside any transaction; each outcome commits in
 * one transaction that checks, before it commits, that the worker still holds the integration's
 * lease, so a batch is counted once however often it was sent.
 */
@Injectable()
export class WriteStore {
  private readonly bulkSize: number;
  private readonly rollingMaxSeconds: number;
  private readonly rollingMaxRecords: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: WriteQueues,
    private readonly outbox: OutboxService,
    config: ConfigService<OomnitzaWriterEnvironment, true>,
  ) {
    this.bulkSize = config.get('OOMNITZA_BULK_SIZE', { infer: true });
    this.rollingMaxSeconds = config.get('ROLLING_PORTION_MAX_SECONDS', { infer: true });
    this.rollingMaxRecords = config.get('ROLLING_PORTION_MAX_RECORDS', { infer: true });
    this.saasUserDetails = config.get('OOMNITZA_SAAS_USER_DETAILS', { infer: true });
  }

  /** Whether a SaaS link carries role, status and activity besides the documented link keys. */
  readonly saasUserDetails: boolean;

  /** Where a User plus SaaS user integration's people become SaaS users; undefined for a User only integration. */
  async saasLink(integrationId: string): Promise<SaasLink | undefined> {
    return saasLinkOf(await this.dataSource.getRepository(IntegrationSettingsEntity).findOneBy({ integrationId }));
  }

  /**
   * The batch at the head of the integration's pending records, then the sync state of its users:
   * one after the other, so the state read is exactly that of the batch's users (a record stored
   * between two independent reads would find no state and be taken for someone never written).
   */
  async headBatch(integrationId: string): Promise<{ batch: PendingBatch; states: Map<string, UserSyncStateEntity> } | undefined> {
    const pending = await this.dataSource
      .getRepository(PendingRecordEntity)
      .find({ where: { integrationId, holdId: IsNull() }, order: { id: 'ASC' }, take: this.bulkSize + 1 });
    const batch = headBatch(pending, this.bulkSize);
    if (!batch) {
      return undefined;
    }
    const states = await this.dataSource.getRepository(UserSyncStateEntity).findBy({
      integrationId,
      syncKey: In(batch.records.map((record) => record.syncKey)),
    });
    return { batch, states: new Map(states.map((state) => [state.syncKey, state])) };
  }

  /** The sync state of each of these Zoom users, under whatever key it was written (the newest, should there be several). */
  async syncStatesByZoomId(integrationId: string, zoomUserIds: string[]): Promise<Map<string, UserSyncStateEntity>> {
    const states = await this.dataSource.getRepository(UserSyncStateEntity).find({
      where: { integrationId, zoomUserId: In(zoomUserIds) },
      order: { observedAt: 'ASC' },
    });
    return new Map(states.map((state) => [state.zoomUserId as string, state]));
  }

  portion(portionId: string): Promise<PortionEntity | null> {
    return this.dataSource.getRepository(PortionEntity).findOneBy({ portionId });
  }

  /** The integration's open rolling portions (one per Oomnitza credential it has written with), oldest first. */
  openRollingPortions(integrationId: string): Promise<PortionEntity[]> {
    return this.dataSource.getRepository(PortionEntity).find({
      where: { integrationId, runId: IsNull(), status: 'open' },
      order: { openedAt: 'ASC' },
    });
  }

  /** Stored before anything is sent to it, so it is finalized on time even after a crash. */
  async openNewRollingPortion(batch: PendingBatch, now: Date): Promise<string> {
    const portionId = randomUUID();
    const { integrationId, tenantId, oomnitzaCredentialId } = batch;
    await this.dataSource
      .getRepository(PortionEntity)
      .insert({ portionId, runId: null, integrationId, tenantId, oomnitzaCredentialId, openedAt: now });
    return portionId;
  }

  async stopPortion(portionId: string): Promise<void> {
    await this.dataSource.getRepository(PortionEntity).update({ portionId }, { status: 'stopped' });
  }

  /** Of the open rolling portions, one that is old enough, or holds enough records, to be finalized. */
  rollingPortionToClose(open: PortionEntity[], now: Date): PortionEntity | undefined {
    const openedBefore = now.getTime() - this.rollingMaxSeconds * 1000;
    return open.find((portion) => portion.openedAt.getTime() <= openedBefore || portion.recordsSent >= this.rollingMaxRecords);
  }

  commit(lease: Lease, outcome: BatchOutcome, now: Date): Promise<void> {
    return this.underLease(lease, now, async (manager) => {
      if (outcome.kind === 'written') {
        await this.commitWritten(manager, outcome);
      } else if (outcome.kind === 'run-stopped') {
        await this.commitRunStopped(manager, outcome.batch, outcome.reason, outcome.credentialInvalid);
      } else {
        await manager.delete(PendingRecordEntity, { id: In(outcome.batch.ids) });
      }
    });
  }

  closePortion(lease: Lease, portionId: string, status: PortionStatus, now: Date): Promise<void> {
    return this.underLease(lease, now, (manager) => manager.update(PortionEntity, { portionId }, { status }).then(() => undefined));
  }

  /** Gives the integration back with nothing committed, due again when its records need it but no sooner than `notBefore`. */
  release(lease: Lease, now: Date, notBefore: Date | null = null): Promise<void> {
    return this.underLease(lease, now, async () => undefined, notBefore);
  }

  private async underLease(
    lease: Lease,
    now: Date,
    work: (manager: EntityManager) => Promise<void>,
    notBefore: Date | null = null,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await work(manager);
      // Last: a consumer adding records to the integration waits on this lock, so it is held for the commit alone.
      await this.queues.hold(manager, lease);
      await this.queues.release(manager, lease, now, notBefore);
    });
  }

  private async commitWritten(manager: EntityManager, outcome: Written): Promise<void> {
    const { batch } = outcome;
    for (const move of outcome.moves) {
      await manager.update(UserSyncStateEntity, { integrationId: batch.integrationId, syncKey: move.from }, { syncKey: move.to });
    }
    const states = outcome.records
      .filter(({ decision }) => decision.written)
      .map(({ record, decision }) => ({
        integrationId: batch.integrationId,
        syncKey: record.syncKey as string,
        zoomUserId: record.zoomUserId,
        contentHash: contentHash(decision.written ?? {}),
        fields: decision.written ?? {},
        observedAt: decision.observedAt ?? record.observedAt,
        lastRunId: batch.runId,
        writtenAt: outcome.writtenAt,
        removal: removedBy(record.removal) ?? decision.removalBefore ?? null,
      }));
    if (states.length > 0) {
      await manager.upsert(UserSyncStateEntity, states, ['integrationId', 'syncKey']);
    }
    await this.rememberSaasStatus(manager, outcome);
    await this.settle(manager, outcome);
    if (outcome.records.length > 0 || outcome.runFinished) {
      await this.publishWritten(manager, outcome);
    }
  }

  /** After the sync state is written: who still waits for a SaaS user status change, and who no longer does. */
  private async rememberSaasStatus(manager: EntityManager, { batch, saasStatus }: Written): Promise<void> {
    const missed = saasStatus.missed.map((change) => change.syncKey);
    const applied = saasStatus.applied.map((change) => change.syncKey);
    if (missed.length === 0 && applied.length === 0) {
      return;
    }
    await manager.query(
      `UPDATE ${qualifiedTable(manager.connection, UserSyncStateEntity)} SET saas_status_due = (sync_key = ANY($2::text[]))
        WHERE integration_id = $1 AND sync_key = ANY($2::text[] || $3::text[])`,
      [batch.integrationId, missed, applied],
    );
  }

  /**
   * In one statement: every record of the batch, written or not, says its user is still there (a
   * clean run's sweep marks only users neither this run nor anything read since it started has
   * seen) and when the data behind each of its fields was read; the batch leaves the queue; its
   * portion counts what was sent (and is finalized after a run's last batch).
   */
  private async settle(manager: EntityManager, { batch, records, portionId, sent, runFinished }: Written): Promise<void> {
    await manager.query(
      preparedStatement(`WITH seen AS (
         UPDATE ${qualifiedTable(manager.connection, UserSyncStateEntity)} AS state SET
           last_seen_at = GREATEST(state.last_seen_at, seen.observed_at),
           last_seen_run_id = COALESCE($2, state.last_seen_run_id),
           field_observed_at = COALESCE(seen.field_times, state.field_observed_at)
         FROM unnest($3::text[], $4::timestamptz[], $5::jsonb[]) AS seen(sync_key, observed_at, field_times)
         WHERE state.integration_id = $1 AND state.sync_key = seen.sync_key
       ), written AS (
         DELETE FROM ${qualifiedTable(manager.connection, PendingRecordEntity)} WHERE id = ANY($6::bigint[])
       )
       UPDATE ${qualifiedTable(manager.connection, PortionEntity)}
          SET records_sent = records_sent + $8, status = CASE WHEN $9 THEN 'finalized' ELSE status END
        WHERE portion_id = $7`),
      [
        batch.integrationId,
        batch.runId,
        records.map(({ record }) => record.syncKey),
        records.map(({ record }) => record.observedAt),
        records.map(({ decision }) => (decision.fieldTimes ? JSON.stringify(decision.fieldTimes) : null)),
        batch.ids,
        portionId,
        sent,
        runFinished,
      ],
    );
  }

  private async publishWritten(manager: EntityManager, { batch, records, runFinished }: Written): Promise<void> {
    const count = (outcome: string) => records.filter(({ decision }) => decision.outcome === outcome).length;
    await this.outbox.publish(manager, OomnitzaRecordsWritten, {
      tenantId: batch.tenantId,
      integrationId: batch.integrationId,
      runId: batch.runId ?? undefined,
      payload: {
        runId: batch.runId ?? undefined,
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        skipped: count('skipped'),
        deactivated: 0,
        failed: count('failed'),
        runFinished,
        errors: records.flatMap(({ record, failure }) => (failure ? [{ recordKey: record.syncKey as string, reason: failure }] : [])),
      },
    });
  }

  /** Ends the run's writing for good: its portion is stopped and its records still pending are dropped. */
  private async commitRunStopped(manager: EntityManager, batch: PendingBatch, reason: string, credentialInvalid: boolean): Promise<void> {
    const runId = batch.runId as string;
    await manager.update(PortionEntity, { portionId: runId }, { status: 'stopped' });
    await manager.delete(PendingRecordEntity, { integrationId: batch.integrationId, runId });
    await this.outbox.publish(manager, RunProgress, {
      tenantId: batch.tenantId,
      integrationId: batch.integrationId,
      runId,
      payload: {
        runId,
        stage: 'write',
        processed: 0,
        rejected: 0,
        stageCompleted: true,
        errors: [],
        failureReason: reason,
        ...(credentialInvalid ? { failureKind: 'credential_invalid' as const } : {}),
      },
    });
  }
}
