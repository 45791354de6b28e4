import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { QueryTally } from './query-tally';

const statementNames = new Map<string, string>();

/**
 * Marks a statement's exact text as one the service runs often: every pooled connection parses and
 * plans it once (a named prepared statement) instead of on every call. Planning was a fifth of
 * PostgreSQL's CPU under webhook load. Mark only texts from a fixed set (no row counts or lists
 * spliced in): each one stays prepared for the connection's life. Returns the text unchanged.
 */
export function preparedStatement(sql: string): string {
  if (!statementNames.has(sql)) {
    statementNames.set(sql, `zos_${createHash('sha256').update(sql).digest('hex').slice(0, 32)}`);
  }
  return sql;
}

/** Whether the text was marked with `preparedStatement`. */
export function isPreparedStatement(sql: string): boolean {
  return statementNames.has(sql);
}

type QueryArguments = [config: unknown, values?: unknown, callback?: unknown];
const plainQuery = Client.prototype.query as (this: Client, ...args: QueryArguments) => never;

/**
 * The pool's client (TypeORM hands `extra.Client` to pg's Pool): a statement marked with
 * `preparedStatement` is sent as a named one, everything else as before. Each is counted (QueryTally).
 */
export class PreparedStatementClient extends Client {
  // One signature forwards each of pg's overloads; `never` is assignable to all their results.
  override query(...[config, values, callback]: QueryArguments): never {
    const name = typeof config === 'string' ? statementNames.get(config) : undefined;
    if (name === undefined || typeof values === 'function') {
      QueryTally.sent('plain');
      return plainQuery.call(this, config, values, callback);
    }
    QueryTally.sent('prepared');
    return plainQuery.call(this, { name, text: config, values }, callback);
  }
}
