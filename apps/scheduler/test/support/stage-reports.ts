import {
  MessageEnvelope,
  OomnitzaRecordsWritten,
  OomnitzaRecordsWrittenValue,
  RunProgress,
  RunProgressValue,
  RunStage,
} from '@zoom-oomnitza-sync/contracts';
import { buildEnvelope } from '@zoom-oomnitza-sync/messaging';
import { randomUUID } from 'node:crypto';
import { RunEntity } from '../../src/runs/run.entity';

type RunAddress = Pick<RunEntity, 'id' | 'tenantId' | 'integrationId'>;

/** A stage's progress report on the run, as the fetcher, mapper or writer sends it. */
export function progressOf(run: RunAddress, stage: RunStage, report: Partial<RunProgressValue> = {}): MessageEnvelope<RunProgressValue> {
  return buildEnvelope(
    RunProgress,
    {
      tenantId: run.tenantId,
      integrationId: run.integrationId,
      runId: run.id,
      payload: { runId: run.id, stage, processed: 0, rejected: 0, stageCompleted: false, errors: [], ...report },
    },
    randomUUID(),
    new Date(),
  );
}

/** The writer's report on one batch of the run. */
export function writtenOf(
  run: RunAddress,
  report: Partial<OomnitzaRecordsWrittenValue> = {},
): MessageEnvelope<OomnitzaRecordsWrittenValue> {
  return buildEnvelope(
    OomnitzaRecordsWritten,
    {
      tenantId: run.tenantId,
      integrationId: run.integrationId,
      runId: run.id,
      payload: {
        runId: run.id,
        created: 0,
        updated: 0,
        unchanged: 0,
        skipped: 0,
        deactivated: 0,
        failed: 0,
        runFinished: false,
        errors: [],
        ...report,
      },
    },
    randomUUID(),
    new Date(),
  );
}

/** `count` per-record errors, keyed `${prefix}-1`, `${prefix}-2`, ... */
export function recordErrors(prefix: string, count: number): RunProgressValue['errors'] {
  return Array.from({ length: count }, (_, index) => ({
    recordKey: `${prefix}-${index + 1}`,
    reason: `${prefix} record ${index + 1} is not valid`,
  }));
}
