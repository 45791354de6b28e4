import { DataSource } from 'typeorm';

interface ExplainedPlan {
  Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
}

/**
 * The shared buffers (pages) a statement touches, run again under EXPLAIN (ANALYZE, BUFFERS) in a
 * transaction rolled back afterwards, so a statement that writes leaves nothing behind.
 */
export async function blocksTouched(dataSource: DataSource, sql: string, parameters?: unknown[]): Promise<number> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    const [row] = (await runner.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, parameters)) as { 'QUERY PLAN': ExplainedPlan[] }[];
    const { Plan: plan } = row['QUERY PLAN'][0];
    return plan['Shared Hit Blocks'] + plan['Shared Read Blocks'];
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}
