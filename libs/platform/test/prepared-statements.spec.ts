import { INestApplication } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { MetricsService, preparedStatement } from '../src';
import { dropSchema, startTestApp, uniqueSchema, useTestEnvironment } from './support/test-app';

describe("prepared statements: a service's hot statements are parsed and planned once per connection", () => {
  const schema = uniqueSchema('prepared');
  let app: INestApplication;
  let runner: QueryRunner;

  beforeAll(async () => {
    useTestEnvironment(schema);
    ({ app } = await startTestApp());
  });

  beforeEach(async () => {
    runner = app.get(DataSource).createQueryRunner();
    await runner.connect();
  });

  afterEach(() => runner.release());

  afterAll(async () => {
    await app?.close();
    await dropSchema(schema);
  });

  async function preparedOnThisConnection(): Promise<string[]> {
    const rows: { statement: string }[] = await runner.query('SELECT statement FROM pg_prepared_statements');
    return rows.map((row) => row.statement);
  }

  it('a statement marked as prepared runs as a named statement of the connection, its results as TypeORM gives them', async () => {
    const sql = preparedStatement(`SELECT $1::int + 1 AS next, '${schema}' AS marker`);
    expect(await runner.query(sql, [41])).toEqual([{ next: 42, marker: schema }]);
    expect(await runner.query(sql, [1])).toEqual([{ next: 2, marker: schema }]);
    expect((await preparedOnThisConnection()).filter((statement) => statement === sql)).toHaveLength(1);
  });

  it('an UPDATE marked as prepared still answers [rows, affected] through TypeORM', async () => {
    await runner.query(`CREATE TABLE "${schema}".counters (id int PRIMARY KEY, value int NOT NULL)`);
    await runner.query(`INSERT INTO "${schema}".counters VALUES (1, 0), (2, 0)`);
    const sql = preparedStatement(`UPDATE "${schema}".counters SET value = value + $1 RETURNING id, value`);
    expect(await runner.query(sql, [5])).toEqual([
      [
        { id: 1, value: 5 },
        { id: 2, value: 5 },
      ],
      2,
    ]);
  });

  it('any other statement is parsed and planned each time, as before: its varying texts would pile up in the session', async () => {
    const sql = `SELECT $1::text AS unmarked, '${schema}' AS marker`;
    expect(await runner.query(sql, ['x'])).toEqual([{ unmarked: 'x', marker: schema }]);
    expect(await preparedOnThisConnection()).not.toContain(sql);
  });

  it('counts every query the pooled connections send, one round trip each, in db_queries_total by how it was sent', async () => {
    const metrics = app.get(MetricsService);
    const sent = async () => {
      const rendered = await metrics.render();
      const count = (statement: string) =>
        Number(new RegExp(`^db_queries_total\\{statement="${statement}"[^}]*\\} (\\d+)`, 'm').exec(rendered)?.[1]);
      return { prepared: count('prepared'), plain: count('plain') };
    };
    const before = await sent();

    const prepared = preparedStatement(`SELECT $1::int AS counted, '${schema}' AS marker`);
    await runner.query(prepared, [1]);
    await runner.query(prepared, [2]);
    await runner.query(`SELECT 'plain' AS counted, '${schema}' AS marker`);

    // At least: the app's own background work may query meanwhile.
    const after = await sent();
    expect(after.prepared - before.prepared).toBeGreaterThanOrEqual(2);
    expect(after.plain - before.plain).toBeGreaterThanOrEqual(1);
  });
});
