import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OomnitzaRecordsWritten, RecordErrorDto } from '@zoom-oomnitza-sync/contracts';
import { CredentialsClient } from '@zoom-oomnitza-sync/credentials-client';
import { OutboxService, WorkOutcome } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { OomnitzaBulkClient } from '../oomnitza-api/oomnitza-bulk.client';
import { compareWithOomnitza, Comparison } from './dry-run-comparison';
import { DryRunOutcome, DryRunUserEntity } from './dry-run-user.entity';
import { listRemovals } from './dry-run-removals';
import { DryRunEntity } from './dry-run.entity';

/** Users compared per look: one people read of Oomnitza (a filter on the sync field). */
const COMPARED_AT_ONCE = 100;

type Verdict = Comparison | { outcome: 'failed'; changes: []; reason: string };

/**
 * Compares a dry run's users with Oomnitza's people, a batch at a time, and reports each batch to
 * the scheduler as the writer reports what it wrote, meaning "would": created, updated,
 * unchanged, skipped, failed, and at the end the removals a clean run would mark (deactivated).
 * Oomnitza is read outside any transaction; a batch's verdicts are kept, and counted, only for
 * users still waiting, so another replica comparing the same batch counts nothing twice. The
 * report that every user is compared goes out once.
 */
@Injectable()
export class DryRunComparer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly credentials: CredentialsClient,
    private readonly oomnitza: OomnitzaBulkClient,
    private readonly outbox: OutboxService,
    private readonly logger: AppLogger,
  ) {}

  async compareNext(): Promise<WorkOutcome> {
    const users = qualifiedTable(this.dataSource, DryRunUserEntity);
    const [waiting] = (await this.dataSource.query(`SELECT run_id FROM ${users} WHERE outcome IS NULL ORDER BY id LIMIT 1`)) as {
      run_id: string;
    }[];
    if (!waiting) {
      return this.finishCompared();
    }
    const run = await this.dataSource.getRepository(DryRunEntity).findOneByOrFail({ runId: waiting.run_id });
    const batch = await this.dataSource.getRepository(DryRunUserEntity).find({
      where: { runId: run.runId, outcome: IsNull() },
      order: { id: 'ASC' },
      take: COMPARED_AT_ONCE,
    });
    const verdicts = await this.verdictsOf(run, batch);
    await this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(DryRunEntity, { where: { runId: run.runId }, lock: { mode: 'pessimistic_write' } });
      const counts = await this.keep(manager, batch, verdicts);
      const failures = batch.flatMap((user, index) => {
        const verdict = verdicts[index];
        return verdict.outcome === 'failed' ? [{ recordKey: user.userKey, reason: verdict.reason }] : [];
      });
      await this.report(manager, locked!, counts, counts.has('failed') ? failures : []);
    });
    return true;
  }

  private async verdictsOf(run: DryRunEntity, batch: DryRunUserEntity[]): Promise<Verdict[]> {
    try {
      const access = await this.credentials.oomnitzaAccess({ tenantId: run.tenantId, credentialId: run.oomnitzaCredentialId });
      const fields = [...new Set(batch.flatMap((user) => Object.keys(user.proposed ?? {})))];
      const people = await this.oomnitza.peopleBySyncValue(
        access,
        run.syncField,
        batch.map((user) => user.userKey),
        fields,
      );
      return batch.map((user) =>
        compareWithOomnitza(user.proposed ?? {}, people.get(user.userKey.toLowerCase()), run.preference, run.runTimeField),
      );
    } catch (error) {
      const reason = `could not read Oomnitza's people to compare: ${error instanceof Error ? error.message : String(error)}`;
      this.logger.pino.warn({ runId: run.runId, reason }, 'dry run batch not compared');
      return batch.map(() => ({ outcome: 'failed', changes: [], reason }));
    }
  }

  private async keep(manager: EntityManager, batch: DryRunUserEntity[], verdicts: Verdict[]): Promise<Map<DryRunOutcome, number>> {
    const rows = batch.map((user, index) => ({
      id: user.id,
      outcome: verdicts[index].outcome,
      changes: verdicts[index].changes,
      reason: verdicts[index].reason ?? null,
    }));
    const kept = (await manager.query(
      `UPDATE ${qualifiedTable(manager.connection, DryRunUserEntity)} AS users
          SET outcome = verdict.outcome, changes = verdict.changes, reason = verdict.reason
         FROM jsonb_to_recordset($1::jsonb) AS verdict(id bigint, outcome text, changes jsonb, reason text)
        WHERE users.id = verdict.id AND users.outcome IS NULL
       RETURNING users.outcome`,
      [JSON.stringify(rows)],
    )) as [Array<{ outcome: DryRunOutcome }>, number];
    const counts = new Map<DryRunOutcome, number>();
    for (const { outcome } of kept[0]) {
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    }
    return counts;
  }

  /** The batch's counts, and, once the mapper is done and nobody waits, that the run is compared. */
  private async report(
    manager: EntityManager,
    run: DryRunEntity,
    counts: Map<DryRunOutcome, number>,
    errors: RecordErrorDto[] = [],
  ): Promise<void> {
    const [{ waiting }] = (await manager.query(
      `SELECT count(*)::int AS waiting FROM ${qualifiedTable(manager.connection, DryRunUserEntity)} WHERE run_id = $1 AND outcome IS NULL`,
      [run.runId],
    )) as { waiting: number }[];
    const finishing = run.lastBatchSeen && !run.finished && waiting === 0;
    if (counts.size === 0 && !finishing) {
      return;
    }
    const removals = finishing ? await listRemovals(manager, run) : 0;
    if (finishing) {
      await manager.update(DryRunEntity, { runId: run.runId }, { finished: true });
    }
    await this.outbox.publish(manager, OomnitzaRecordsWritten, {
      tenantId: run.tenantId,
      integrationId: run.integrationId,
      runId: run.runId,
      payload: {
        runId: run.runId,
        created: counts.get('create') ?? 0,
        updated: counts.get('update') ?? 0,
        unchanged: counts.get('unchanged') ?? 0,
        skipped: counts.get('skipped') ?? 0,
        deactivated: removals,
        failed: counts.get('failed') ?? 0,
        runFinished: finishing,
        errors,
      },
    });
  }

  /** A run whose last batch came after its users were all compared (or held none) is reported finished. */
  private async finishCompared(): Promise<WorkOutcome> {
    const [run] = await this.dataSource.getRepository(DryRunEntity).find({ where: { lastBatchSeen: true, finished: false }, take: 1 });
    if (!run) {
      return false;
    }
    await this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(DryRunEntity, { where: { runId: run.runId }, lock: { mode: 'pessimistic_write' } });
      await this.report(manager, locked!, new Map());
    });
    return true;
  }
}
