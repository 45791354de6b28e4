import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  MessageEnvelope,
  OomnitzaRecordDto,
  OomnitzaRecordsUpsertValue,
  OomnitzaRecordsWritten,
  RecordErrorDto,
  RunProgress,
} from '@zoom-oomnitza-sync/contracts';
import { CredentialProblemError } from '@zoom-oomnitza-sync/credentials-client';
import { OutboxService, PermanentMessageError } from '@zoom-oomnitza-sync/messaging';
import { EntityManager, In } from 'typeorm';
import { OomnitzaApiError } from '../oomnitza-api/oomnitza-api.error';
import { OomnitzaBulkClient } from '../oomnitza-api/oomnitza-bulk.client';
import { difference } from '../oomnitza-api/portion-counts';
import { OomnitzaWriterEnvironment } from '../oomnitza-writer.environment';
import { contentHash } from '../sync-state/content-hash';
import { UserSyncStateEntity } from '../sync-state/user-sync-state.entity';
import { OomnitzaAccessCache } from './oomnitza-access.cache';
import { PortionEntity } from './portion.entity';

/** The run cannot go on (canceled in Oomnitza, credential refused): the scheduler hears why. */
class RunStopped extends Error {}

/** Oomnitza refuses the run's token: every further request of the run would be refused alike. */
const TOKEN_REFUSED = [401, 403];

function runStoppedBy(error: OomnitzaApiError): RunStopped {
  return new RunStopped(TOKEN_REFUSED.includes(error.status) ? `Oomnitza refused the API token (${error.status})` : error.message);
}

/**
 * Writes one batch of mapped records into the run's Oomnitza portion: skips records whose content
 * has not changed since their last successful write (or that are older than what was written),
 * sends the rest 100 at a time, and reports what Oomnitza counted for them.
 */
@Injectable()
export class RecordWriter {
  private readonly bulkSize: number;

  constructor(
    private readonly bulk: OomnitzaBulkClient,
    private readonly accessCache: OomnitzaAccessCache,
    private readonly outbox: OutboxService,
    config: ConfigService<OomnitzaWriterEnvironment, true>,
  ) {
    this.bulkSize = config.get('OOMNITZA_BULK_SIZE', { infer: true });
  }

  async write(manager: EntityManager, envelope: MessageEnvelope<OomnitzaRecordsUpsertValue>): Promise<void> {
    const batch = envelope.payload;
    const runId = batch.runId;
    if (!runId) {
      throw new PermanentMessageError('records outside a run are not written yet');
    }
    const portion = await this.lockPortion(manager, runId, envelope.integrationId);
    if (portion.finalized) {
      return;
    }
    try {
      await this.writeBatch(manager, envelope, runId, portion);
    } catch (error) {
      if (!(error instanceof RunStopped)) {
        throw error;
      }
      await this.outbox.publish(manager, RunProgress, {
        tenantId: envelope.tenantId,
        integrationId: envelope.integrationId,
        runId,
        payload: { runId, stage: 'write', processed: 0, rejected: 0, stageCompleted: true, errors: [], failureReason: error.message },
      });
    }
  }

  private async writeBatch(
    manager: EntityManager,
    envelope: MessageEnvelope<OomnitzaRecordsUpsertValue>,
    runId: string,
    portion: PortionEntity,
  ): Promise<void> {
    const batch = envelope.payload;
    const access = await this.accessCache.get(batch.oomnitzaCredentialId).catch((error: unknown) => {
      if (error instanceof CredentialProblemError) {
        throw new RunStopped(`Oomnitza credential ${batch.oomnitzaCredentialId}: ${error.problem}`);
      }
      throw error;
    });
    const volatile = batch.runTimeField ? [batch.runTimeField] : [];
    const { changed, unchanged } = await this.partition(manager, envelope.integrationId, batch.records, volatile);

    const before = await this.oomnitza(() => this.bulk.portion(access, runId));
    if (before.canceled) {
      throw new RunStopped('the run was canceled in Oomnitza');
    }

    const errors: RecordErrorDto[] = [];
    const accepted: OomnitzaRecordDto[] = [];
    for (let start = 0; start < changed.length; start += this.bulkSize) {
      const chunk = changed.slice(start, start + this.bulkSize);
      try {
        await this.bulk.send(access, {
          portion: runId,
          connectorName: `zoom:${envelope.integrationId}`,
          syncField: batch.syncField,
          insertOnly: batch.preference === 'create_only',
          updateOnly: batch.preference === 'update_only',
          records: chunk.map((record) => record.fields),
        });
        accepted.push(...chunk);
      } catch (error) {
        if (!(error instanceof OomnitzaApiError)) {
          throw error;
        }
        if (TOKEN_REFUSED.includes(error.status)) {
          throw runStoppedBy(error);
        }
        errors.push(...chunk.map((record) => ({ recordKey: record.syncKey, reason: error.message })));
      }
    }

    const after = await this.oomnitza(() => (batch.isLastBatch ? this.bulk.finalize(access, runId) : this.bulk.portion(access, runId)));
    const counted = difference(after, { added: portion.added, updated: portion.updated, skipped: portion.skipped, errors: portion.errors });
    // Oomnitza names no records in its error counts: only a batch it took without errors is remembered.
    if (counted.errors === 0) {
      await this.remember(manager, envelope.integrationId, runId, accepted, volatile);
    }
    await manager.update(
      PortionEntity,
      { runId },
      { added: after.added, updated: after.updated, skipped: after.skipped, errors: after.errors, finalized: batch.isLastBatch },
    );

    await this.outbox.publish(manager, OomnitzaRecordsWritten, {
      tenantId: envelope.tenantId,
      integrationId: envelope.integrationId,
      runId,
      payload: {
        runId,
        created: counted.added,
        updated: counted.updated,
        unchanged: unchanged.length,
        skipped: counted.skipped,
        deactivated: 0,
        failed: counted.errors + errors.length,
        runFinished: batch.isLastBatch,
        errors,
      },
    });
  }

  /** A portion call that still fails after the client's retries stops the run, saying why. */
  private async oomnitza<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof OomnitzaApiError)) {
        throw error;
      }
      throw runStoppedBy(error);
    }
  }

  private async lockPortion(manager: EntityManager, runId: string, integrationId: string): Promise<PortionEntity> {
    await manager.createQueryBuilder().insert().into(PortionEntity).values({ runId, integrationId }).orIgnore().execute();
    return manager.findOneOrFail(PortionEntity, { where: { runId }, lock: { mode: 'pessimistic_write' } });
  }

  private async partition(manager: EntityManager, integrationId: string, records: OomnitzaRecordDto[], volatile: string[]) {
    const states = await manager.findBy(UserSyncStateEntity, { integrationId, syncKey: In(records.map((record) => record.syncKey)) });
    const known = new Map(states.map((state) => [state.syncKey, state]));
    const changed: OomnitzaRecordDto[] = [];
    const unchanged: OomnitzaRecordDto[] = [];
    for (const record of records) {
      const state = known.get(record.syncKey);
      const stale = state !== undefined && new Date(record.observedAt) < state.observedAt;
      const same = state?.contentHash === contentHash(record.fields, volatile);
      (stale || same ? unchanged : changed).push(record);
    }
    return { changed, unchanged };
  }

  private async remember(
    manager: EntityManager,
    integrationId: string,
    runId: string,
    records: OomnitzaRecordDto[],
    volatile: string[],
  ): Promise<void> {
    if (records.length === 0) {
      return;
    }
    const now = new Date();
    await manager.upsert(
      UserSyncStateEntity,
      records.map((record) => ({
        integrationId,
        syncKey: record.syncKey,
        zoomUserId: record.zoomUserId ?? null,
        contentHash: contentHash(record.fields, volatile),
        observedAt: new Date(record.observedAt),
        lastRunId: runId,
        writtenAt: now,
      })),
      ['integrationId', 'syncKey'],
    );
  }
}
