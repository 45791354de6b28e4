import { Injectable } from '@nestjs/common';
import { MessageEnvelope, OomnitzaRecordsUpsertValue } from '@zoom-oomnitza-sync/contracts';
import { schemaOf } from '@zoom-oomnitza-sync/platform';
import { EntityManager } from 'typeorm';
import { PortionEntity } from '../portions/portion.entity';
import { Clock } from '../timing/clock';
import { WriterMetrics } from '../writer-metrics/writer-metrics';
import { PendingRecordEntity } from './pending-record.entity';
import { pendingRecordsChannelOf } from './pending-records-channel';
import { WriteQueues } from './write-queues';

/**
 * What a consumed batch of records leaves behind: pending records (and, after a run's last batch,
 * the mark that ends it), in the consumer's transaction, with the integration due for a turn.
 * Nothing here calls Oomnitza, so a message never waits on it.
 */
@Injectable()
export class PendingRecordsStore {
  constructor(
    private readonly queues: WriteQueues,
    private readonly clock: Clock,
    private readonly metrics: WriterMetrics,
  ) {}

  async add(manager: EntityManager, envelope: MessageEnvelope<OomnitzaRecordsUpsertValue>): Promise<void> {
    const batch = envelope.payload;
    const runId = batch.runId ?? null;
    const now = this.clock.now();
    if (runId && !(await this.runIsOpen(manager, envelope, runId, now))) {
      // A batch delivered again after its run was finalized or stopped: the run is settled.
      this.metrics.dropped.inc({ reason: 'run_closed' }, batch.records.length);
      return;
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
    const rows: Partial<PendingRecordEntity>[] = batch.records.map((record) => ({
      ...write,
      syncKey: record.syncKey,
      zoomUserId: record.zoomUserId ?? null,
      fields: record.fields,
      partial: record.partial === true,
      observedAt: new Date(record.observedAt),
    }));
    if (runId && batch.isLastBatch) {
      rows.push({ ...write, endsRun: true, observedAt: new Date(envelope.observedAt) });
    }
    if (rows.length === 0) {
      return;
    }
    await manager.insert(PendingRecordEntity, rows);
    await this.queues.recordsArrived(manager, envelope.integrationId, runId !== null, now);
    await manager.query(`SELECT pg_notify($1, '')`, [pendingRecordsChannelOf(schemaOf(manager.connection, PendingRecordEntity))]);
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
        oomnitzaCredentialId: envelope.payload.oomnitzaCredentialId,
        openedAt: now,
      })
      .orIgnore()
      .execute();
    const portion = await manager.findOneByOrFail(PortionEntity, { portionId: runId });
    return portion.status === 'open';
  }
}
