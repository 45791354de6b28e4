import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestSchema } from '../src';

async function schemaExists(schema: string): Promise<boolean> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('createTestSchema', () => {
  it('creates a schema of its own and drops it with everything inside', async () => {
    const testSchema = await createTestSchema('harness');
    try {
      expect(await schemaExists(testSchema.schema)).toBe(true);
      await testSchema.query('CREATE TABLE widgets (id int PRIMARY KEY)');
      await testSchema.query('INSERT INTO widgets (id) VALUES ($1)', [7]);
      expect(await testSchema.query('SELECT id FROM widgets')).toEqual([{ id: 7 }]);
    } finally {
      await testSchema.drop();
    }
    expect(await schemaExists(testSchema.schema)).toBe(false);
  });

  it('gives two callers two different schemas', async () => {
    const [first, second] = await Promise.all([createTestSchema('harness'), createTestSchema('harness')]);
    try {
      expect(first.schema).not.toBe(second.schema);
    } finally {
      await Promise.all([first.drop(), second.drop()]);
    }
  });

  it('offers TypeORM options that work inside the schema', async () => {
    const testSchema = await createTestSchema('harness');
    const dataSource = new DataSource(testSchema.dataSourceOptions);
    try {
      await dataSource.initialize();
      await dataSource.query('CREATE TABLE gadgets (name text)');
      const [{ table_schema: tableSchema }] = await dataSource.query(
        "SELECT table_schema FROM information_schema.tables WHERE table_name = 'gadgets' AND table_schema = $1",
        [testSchema.schema],
      );
      expect(tableSchema).toBe(testSchema.schema);
    } finally {
      if (dataSource.isInitialized) {
        await dataSource.destroy();
      }
      await testSchema.drop();
    }
  });
});
