import { QueryRunner } from 'typeorm';

/** The schema a migration runs in: the data source's, so DATABASE_SCHEMA overrides apply to migrations too. */
export function migrationSchema(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) {
    throw new Error('The data source has no schema: PlatformModule sets one for every service');
  }
  return schema;
}

export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
