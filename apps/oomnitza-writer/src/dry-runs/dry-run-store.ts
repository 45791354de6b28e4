import { Injectable } from '@nestjs/common';
import { MessageEnvelope, OomnitzaRecordsUpsertValue } from '@zoom-oomnitza-sync/contracts';
import { notificationChannelOf } from '@zoom-oomnitza-sync/messaging';
import { qualifiedTable, schemaOf } from '@zoom-oomnitza-sync/platform';
import { EntityManager } from 'typeorm';
import { DryRunUserEntity } from './dry-run-user.entity';
import { DryRunEntity } from './dry-run.entity';

/** The LISTEN/NOTIFY channel on which a schema's writer hears that dry-run users wait to be compared. */
export const dryRunChannelOf = (schema: string) => notificationChannelOf('dry_run_users', schema);

/**
 * Keeps a dry run's records in the consumer's transaction, to be compared later: nothing of a dry
 * run reaches the pending records, the sync state or a portion, so nothing of it is written.
 */
@Injectable()
export class DryRunStore {
  async add(manager: EntityManager, envelopes: MessageEnvelope<OomnitzaRecordsUpsertValue>[]): Promise<void> {
    const runs = qualifiedTable(manager.connection, DryRunEntity);
    const users = qualifiedTable(manager.connection, DryRunUserEntity);
    for (const { tenantId, integrationId, payload } of envelopes) {
      const runId = payload.runId!;
      await manager.query(
        `INSERT INTO ${runs} AS run (run_id, tenant_id, integration_id, oomnitza_credential_id, preference, sync_field, run_time_field, last_batch_seen)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (run_id) DO UPDATE SET last_batch_seen = run.last_batch_seen OR EXCLUDED.last_batch_seen`,
        [
          runId,
          tenantId,
          integrationId,
          payload.oomnitzaCredentialId,
          payload.preference,
          payload.syncField,
          payload.runTimeField ?? null,
          payload.isLastBatch,
        ],
      );
      const rows = [
        ...payload.records.map((record) => ({
          user_key: record.syncKey,
          zoom_user_id: record.zoomUserId ?? null,
          proposed: record.fields,
        })),
        ...(payload.leftOut ?? []).map((user) => ({ user_key: user.userKey, outcome: user.outcome, reason: user.reason ?? null })),
      ];
      if (rows.length > 0) {
        await manager.query(
          `INSERT INTO ${users} (run_id, user_key, zoom_user_id, proposed, outcome, reason)
           SELECT $1, row.user_key, row.zoom_user_id, row.proposed, row.outcome, row.reason
             FROM jsonb_to_recordset($2::jsonb) AS row(user_key text, zoom_user_id text, proposed jsonb, outcome text, reason text)`,
          [runId, JSON.stringify(rows)],
        );
      }
    }
    await manager.query(`SELECT pg_notify($1, '')`, [dryRunChannelOf(schemaOf(manager.connection, DryRunUserEntity))]);
  }
}
