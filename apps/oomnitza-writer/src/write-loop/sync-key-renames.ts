import { Injectable } from '@nestjs/common';
import { OOMNITZA_USERNAME_FIELD, OomnitzaFieldValue } from '@zoom-oomnitza-sync/contracts';
import { OomnitzaAccess } from '@zoom-oomnitza-sync/credentials-client';
import { OomnitzaBulkClient } from '../oomnitza-api/oomnitza-bulk.client';
import { PendingRecordEntity } from '../pending-records/pending-record.entity';
import { UserSyncStateEntity } from '../sync-state/user-sync-state.entity';
import { SyncKeyMove } from './batch-outcome';
import { recordFailureOf } from './oomnitza-failures';
import { PendingBatch } from './pending-batch';
import { WriteStore } from './write-store';

export interface Renames {
  moves: SyncKeyMove[];
  /** Records whose person could not be renamed, and why: they fail. */
  failures: Map<PendingRecordEntity, string>;
}

/**
 * A record whose sync key the writer never wrote, but whose Zoom ID it wrote under another key,
 * is a user whose sync key changed (a new email, with the email as sync key). Its person is found
 * in Oomnitza by the old key and given the new one (and username) through the people API, and the
 * sync state follows, so the record updates that person instead of creating a second one. Each
 * record found this way is then judged against the person's sync state (`states` gains it).
 */
@Injectable()
export class SyncKeyRenames {
  constructor(
    private readonly bulk: OomnitzaBulkClient,
    private readonly store: WriteStore,
  ) {}

  async follow(access: OomnitzaAccess, batch: PendingBatch, states: Map<string, UserSyncStateEntity>): Promise<Renames> {
    const renames: Renames = { moves: [], failures: new Map() };
    const newKeys = batch.records.filter((record) => record.zoomUserId !== null && !states.has(record.syncKey as string));
    if (newKeys.length === 0) {
      return renames;
    }
    const batchKeys = new Set(batch.records.map((record) => record.syncKey as string));
    const byZoomId = await this.store.syncStatesByZoomId(
      batch.integrationId,
      newKeys.map((record) => record.zoomUserId as string),
    );
    for (const record of newKeys) {
      const before = byZoomId.get(record.zoomUserId as string);
      if (!before || batchKeys.has(before.syncKey)) {
        continue;
      }
      // Older than the person's last write (a page read before a webhook's rename), or Create only
      // (which changes no one): judged against the person as it is, and nobody is renamed.
      if (record.observedAt < before.observedAt || batch.preference === 'create_only') {
        states.set(record.syncKey as string, before);
        continue;
      }
      const failure = await this.rename(access, batch, before.syncKey, record);
      if (failure) {
        renames.failures.set(record, failure);
        continue;
      }
      renames.moves.push({ from: before.syncKey, to: record.syncKey as string });
      states.set(record.syncKey as string, { ...before, syncKey: record.syncKey as string });
    }
    return renames;
  }

  /**
   * Gives the person found by the old key the new one. A person no longer found by the old key
   * (renamed already, say before a crash) is left alone: the record then finds it by the new key.
   */
  private async rename(
    access: OomnitzaAccess,
    batch: PendingBatch,
    oldKey: string,
    record: PendingRecordEntity,
  ): Promise<string | undefined> {
    try {
      const personId = await this.bulk.findPerson(access, batch.syncField, oldKey);
      if (personId !== undefined) {
        await this.bulk.updatePerson(access, personId, renamedFields(batch.syncField, record));
      }
      return undefined;
    } catch (error) {
      const failure = recordFailureOf(batch, error);
      if (failure === undefined) {
        throw error;
      }
      return `could not give the person of ${oldKey} the new ${batch.syncField} ${record.syncKey as string}: ${failure}`;
    }
  }
}

/** The new sync key, and the username the record carries (the email, in the standard mapping). */
function renamedFields(syncField: string, record: PendingRecordEntity): Record<string, OomnitzaFieldValue> {
  const username = record.fields?.[OOMNITZA_USERNAME_FIELD];
  return { [syncField]: record.syncKey, ...(typeof username === 'string' ? { [OOMNITZA_USERNAME_FIELD]: username } : {}) };
}
