import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundProblem, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { DataSource, MoreThan } from 'typeorm';
import { DryRunResultsDto, DryRunResultsQueryDto } from './dto/dry-run-results.dto';
import { DRY_RUN_OUTCOMES, DryRunUserEntity } from './dry-run-user.entity';
import { DryRunEntity } from './dry-run.entity';

const DEFAULT_PAGE = 100;

/** A dry run's results, a page at a time in the order the users came, with the run's summary. */
@Injectable()
export class DryRunResults {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(tenantId: string, integrationId: string, runId: string, query: DryRunResultsQueryDto): Promise<DryRunResultsDto> {
    const run = await this.dataSource.getRepository(DryRunEntity).findOneBy({ runId, tenantId, integrationId });
    if (!run) {
      throw new NotFoundProblem(`No dry run ${runId} of integration ${integrationId} has reached the writer.`);
    }
    const limit = query.limit ?? DEFAULT_PAGE;
    const users = await this.dataSource.getRepository(DryRunUserEntity).find({
      where: { runId, ...(query.outcome ? { outcome: query.outcome } : {}), ...(query.after ? { id: MoreThan(query.after) } : {}) },
      order: { id: 'ASC' },
      take: limit + 1,
    });
    const page = users.slice(0, limit);
    return {
      runId,
      compared: run.finished,
      summary: await this.summaryOf(runId),
      users: page.map(({ userKey, zoomUserId, outcome, changes, reason }) => ({
        userKey,
        zoomUserId,
        outcome,
        changes: changes ?? [],
        reason,
      })),
      nextAfter: users.length > limit ? page[page.length - 1].id : null,
    };
  }

  private async summaryOf(runId: string): Promise<DryRunResultsDto['summary']> {
    const table = qualifiedTable(this.dataSource, DryRunUserEntity);
    const outcomes = (await this.dataSource.query(
      `SELECT outcome, count(*)::int AS users FROM ${table} WHERE run_id = $1 GROUP BY outcome`,
      [runId],
    )) as { outcome: string | null; users: number }[];
    const fields = (await this.dataSource.query(
      `SELECT change->>'field' AS field, count(*)::int AS users
         FROM ${table}, jsonb_array_elements(changes) AS change
        WHERE run_id = $1 AND outcome = 'update'
        GROUP BY 1 ORDER BY 2 DESC, 1`,
      [runId],
    )) as { field: string; users: number }[];
    const count = (outcome: string | null) => outcomes.find((row) => row.outcome === outcome)?.users ?? 0;
    return {
      ...(Object.fromEntries(DRY_RUN_OUTCOMES.map((outcome) => [outcome, count(outcome)])) as Record<
        (typeof DRY_RUN_OUTCOMES)[number],
        number
      >),
      waiting: count(null),
      fieldsChanged: Object.fromEntries(fields.map((row) => [row.field, row.users])),
    };
  }
}
