import { escapeLiteral } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';

interface ExplainedPlan {
  Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
}

/**
 * The shared buffers (pages) a statement touches, run again under EXPLAIN (ANALYZE, BUFFERS) in a
 * transaction rolled back afterwards, so a statement that writes leaves nothing behind. A statement
 * the service runs prepared (`prepared`) may run with its generic plan, blind to the parameters'
 * values; that plan is the one measured.
 */
export async function blocksTouched(dataSource: DataSource, sql: string, parameters: unknown[] = [], prepared = false): Promise<number> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    let explained: string;
    if (prepared) {
      await runner.query(`PREPARE blocks_touched_probe AS ${sql}`);
      await runner.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
      // EXECUTE takes its arguments as SQL: the driver's text for each value, as a literal.
      const arguments_ = await literalsOf(runner, parameters);
      explained = `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE blocks_touched_probe${arguments_ ? `(${arguments_})` : ''}`;
    } else {
      explained = `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`;
    }
    const [row] = (await runner.query(explained, prepared ? [] : parameters)) as { 'QUERY PLAN': ExplainedPlan[] }[];
    const { Plan: plan } = row['QUERY PLAN'][0];
    return plan['Shared Hit Blocks'] + plan['Shared Read Blocks'];
  } finally {
    await runner.rollbackTransaction();
    if (prepared) {
      // PREPARE outlives the rollback.
      await runner.query('DEALLOCATE blocks_touched_probe').catch(() => undefined);
    }
    await runner.release();
  }
}

async function literalsOf(runner: QueryRunner, parameters: unknown[]): Promise<string> {
  if (parameters.length === 0) {
    return '';
  }
  const [row] = (await runner.query(
    `SELECT ARRAY[${parameters.map((_, index) => `$${index + 1}::text`).join(', ')}] AS texts`,
    parameters,
  )) as {
    texts: (string | null)[];
  }[];
  return row.texts.map((text) => (text === null ? 'NULL' : escapeLiteral(text))).join(', ');
}
