import { Injectable } from '@nestjs/common';
import { MessageEnvelope, OomnitzaRecordDto, OomnitzaRecordsUpsertValue } from '@zoom-oomnitza-sync/contracts';
import { EntityManager } from 'typeorm';
import { PortionEntity } from '../portions/portion.entity';
import { RemovalHoldEntity } from '../removals/removal-hold.entity';
import { RemovalHolds } from '../removals/removal-holds';
import { Admission, WebhookRemoval, WebhookRemovalGate } from '../removals/webhook-removal-gate';
import { Clock } from '../timing/clock';
import { WriterMetrics } from '../writer-metrics/writer-metrics';
import { PendingRecordEntity } from './pending-record.entity';
import { WriteQueues } from './write-queues';

/** Rows per INSERT: a pending record binds 17 parameters, and PostgreSQL takes at most 65,535 in one statement. */
const ROWS_PER_INSERT = 1000;

const isWebhookRemoval = (record: OomnitzaRecordDto): record is WebhookRemoval => record.removal !== undefined;

/** Records of an integration stored and due for a turn: a run's at once, others as the flush delay allows. */
interface Arrival {
  inRun: boolean;
}

/**
 * What a consumed batch of records leaves behind: pending records (and, after a run's last batch,
 * the mark that ends it), in the consumer's transaction, with the integration due for a turn.
 * Removals outside a run pass the removal policy and the mass-removal circuit breaker first.
 * Nothing here calls Oomnitza, so a message never waits on it.
 */
@Injectable()
export class PendingRecordsStore {
  constructor(
    private readonly queues: WriteQueues,
    private readonly gate: WebhookRemovalGate,
    private readonly holds: RemovalHolds,
    private readonly clock: Clock,
    private readonly metrics: WriterMetrics,
  ) {}

  /**
   * Stores a consumed batch (one insert per thousand records), then makes each integration due once, in
   * id order. Making it due locks the integration's queue row until the commit, and the write loop
   * needs that row to commit what Oomnitza answered: taken last, the lock is held for the commit
   * alone, and in one order two concurrent batches cannot deadlock on it.
   */
  async add(manager: EntityManager, envelopes: MessageEnvelope<OomnitzaRecordsUpsertValue>[]): Promise<void> {
    const rows: Partial<PendingRecordEntity>[] = [];
    const holds = new Map<string, RemovalHoldEntity>();
    const arrivals = new Map<string, Arrival>();
    for (const envelope of envelopes) {
      const stored = await this.rowsOf(manager, envelope, holds);
      rows.push(...stored);
      if (stored.some((row) => !row.holdId)) {
        const inRun = envelope.payload.runId !== undefined;
        arrivals.set(envelope.integrationId, { inRun: inRun || arrivals.get(envelope.integrationId)?.inRun === true });
      }
    }
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await manager.insert(PendingRecordEntity, rows.slice(start, start + ROWS_PER_INSERT));
    }
    for (const hold of holds.values()) {
      await this.holds.announce(manager, hold);
    }
    const now = this.clock.now();
    for (const integrationId of [...arrivals.keys()].sort()) {
      await this.queues.recordsArrived(manager, integrationId, arrivals.get(integrationId)!.inRun, now);
    }
  }

  /** The pending records one message leaves; removals held by the breaker join `holds`. */
  private async rowsOf(
    manager: EntityManager,
    envelope: MessageEnvelope<OomnitzaRecordsUpsertValue>,
    holds: Map<string, RemovalHoldEntity>,
  ): Promise<Partial<PendingRecordEntity>[]> {
    const batch = envelope.payload;
    const runId = batch.runId ?? null;
    const now = this.clock.now();
    if (runId && !(await this.runIsOpen(manager, envelope, runId, now))) {
      // A batch delivered again after its run was finalized or stopped: the run is settled.
      this.metrics.dropped.inc({ reason: 'run_closed' }, batch.records.length);
      return [];
    }
    const write = {
      integrationId: envelope.integrationId,
      tenantId: envelope.tenantId,
      runId,
      oomnitzaCredentialId: batch.oomnitzaCredentialId,
      preference: batch.preference,
      syncField: batch.syncField,
      runTimeField: batch.runTimeField ?? null,
      arrivedAt: now,
    };
    const rows: Partial<PendingRecordEntity>[] = [];
    for (const record of batch.records) {
      const admission = await this.admit(manager, envelope, record);
      if (admission.kind === 'drop') {
        this.metrics.dropped.inc({ reason: 'removal_ignored' });
        continue;
      }
      let holdId: string | null = null;
      if (admission.kind === 'hold') {
        holdId = admission.hold.holdId;
        holds.set(holdId, admission.hold);
      }
      rows.push({
        ...write,
        syncKey: record.syncKey,
        zoomUserId: record.zoomUserId ?? null,
        lastClientVersion: record.lastClientVersion ?? null,
        fields: record.fields,
        partial: record.partial === true,
        removal: record.removal ?? null,
        holdId,
        observedAt: new Date(record.observedAt),
      });
    }
    if (runId && batch.isLastBatch) {
      rows.push({ ...write, endsRun: true, observedAt: new Date(envelope.observedAt) });
    }
    return rows;
  }

  /** Removals outside a run (webhooks) pass the policy and the breaker; everything else is written. */
  private admit(
    manager: EntityManager,
    envelope: MessageEnvelope<OomnitzaRecordsUpsertValue>,
    record: OomnitzaRecordDto,
  ): Promise<Admission> {
    if (envelope.payload.runId === undefined && isWebhookRemoval(record)) {
      return this.gate.admit(manager, envelope, record);
    }
    return Promise.resolve({ kind: 'write' });
  }

  private async runIsOpen(manager: EntityManager, envelope: MessageEnvelope<OomnitzaRecordsUpsertValue>, runId: string, now: Date) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(PortionEntity)
      .values({
        portionId: runId,
        runId,
        integrationId: envelope.integrationId,
        tenantId: envelope.tenantId,
        oomnitzaCredentialId: envelope.payload.oomnitzaCredentialId,
        openedAt: now,
      })
      .orIgnore()
      .execute();
    const portion = await manager.findOneByOrFail(PortionEntity, { portionId: runId });
    return portion.status === 'open';
  }
}
