import { PendingRecordEntity } from '../pending-records/pending-record.entity';
import { StatusOutcome } from '../saas-users/saas-status';
import { RecordDecision } from '../sync-state/record-decision';
import { PendingBatch } from './pending-batch';

/** A user's sync key changed (a new email): its sync state moves from the old key to the new one. */
export interface SyncKeyMove {
  from: string;
  to: string;
}

/** One record of a batch and what became of it; `failure` says why Oomnitza did not take it. */
export interface DecidedRecord {
  record: PendingRecordEntity;
  decision: RecordDecision;
  failure?: string;
}

/** What a batch did in Oomnitza, to be committed (sync state, counts, messages) in one transaction. */
export type BatchOutcome =
  | {
      kind: 'written';
      batch: PendingBatch;
      records: DecidedRecord[];
      /** The portion records were sent to, if any. */
      portionId: string | null;
      sent: number;
      /** The run's portion was finalized after the batch. */
      runFinished: boolean;
      /** When Oomnitza acknowledged the batch. */
      writtenAt: Date;
      /** Renames done in Oomnitza for the batch's records, whatever became of the records themselves. */
      moves: SyncKeyMove[];
      /** SaaS user status changes Oomnitza took, and those to try again with the user's next record. */
      saasStatus: StatusOutcome;
    }
  /** The run cannot go on (canceled in Oomnitza, credential or token refused): the scheduler hears why. */
  | { kind: 'run-stopped'; batch: PendingBatch; reason: string; credentialInvalid: boolean }
  /** The batch's run was already finalized or stopped: its records are dropped. */
  | { kind: 'run-closed'; batch: PendingBatch };
