import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/** `"schema"."table"` of an entity in this DataSource, for hand-written SQL. */
export function qualifiedTable(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): string {
  const metadata = dataSource.getMetadata(entity);
  const table = dataSource.driver.escape(metadata.tableName);
  return metadata.schema ? `${dataSource.driver.escape(metadata.schema)}.${table}` : table;
}

/** The schema an entity lives in (the DataSource's schema, `public` when none is set). */
export function schemaOf(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): string {
  return dataSource.getMetadata(entity).schema ?? 'public';
}
