import { SyncPreference } from '@zoom-oomnitza-sync/contracts';
import { PendingRecordEntity } from '../pending-records/pending-record.entity';

/** Records written by one bulk request: the oldest pending records of an integration that go out alike. */
export interface PendingBatch {
  integrationId: string;
  tenantId: string;
  /** Null: records outside a run, for the integration's rolling portion. */
  runId: string | null;
  oomnitzaCredentialId: string;
  preference: SyncPreference;
  syncField: string;
  runTimeField: string | null;
  /** Every record once, in order of arrival. */
  records: PendingRecordEntity[];
  /** The run's last batch ends with these records: its portion is finalized after them. */
  endsRun: boolean;
  /** The pending rows the batch stands for, the run's end mark included. */
  ids: string[];
}

/**
 * The batch at the head of an integration's pending records (oldest first): up to `size` records
 * written alike (same run, credential, preference, sync field), each sync key and each Zoom user
 * once, so a record's second version is decided against the first's outcome (and a change under
 * the old email is written before the email change that renames its person). A run's end mark
 * closes it.
 */
export function headBatch(pending: PendingRecordEntity[], size: number): PendingBatch | undefined {
  const [first] = pending;
  if (!first) {
    return undefined;
  }
  const batch: PendingBatch = {
    integrationId: first.integrationId,
    tenantId: first.tenantId,
    runId: first.runId,
    oomnitzaCredentialId: first.oomnitzaCredentialId,
    preference: first.preference,
    syncField: first.syncField,
    runTimeField: first.runTimeField,
    records: [],
    endsRun: false,
    ids: [],
  };
  const syncKeys = new Set<string>();
  const zoomUsers = new Set<string>();
  for (const row of pending) {
    if (!writtenAlike(batch, row)) {
      break;
    }
    if (row.endsRun) {
      batch.ids.push(row.id);
      batch.endsRun = true;
      break;
    }
    if (
      batch.records.length === size ||
      syncKeys.has(row.syncKey as string) ||
      (row.zoomUserId !== null && zoomUsers.has(row.zoomUserId))
    ) {
      break;
    }
    syncKeys.add(row.syncKey as string);
    if (row.zoomUserId !== null) {
      zoomUsers.add(row.zoomUserId);
    }
    batch.records.push(row);
    batch.ids.push(row.id);
  }
  return batch;
}

function writtenAlike(batch: PendingBatch, row: PendingRecordEntity): boolean {
  return (
    row.runId === batch.runId &&
    row.tenantId === batch.tenantId &&
    row.oomnitzaCredentialId === batch.oomnitzaCredentialId &&
    row.preference === batch.preference &&
    row.syncField === batch.syncField &&
    row.runTimeField === batch.runTimeField
  );
}
