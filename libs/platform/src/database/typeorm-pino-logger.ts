import { Logger as PinoLogger } from 'pino';
import { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's messages as JSON log lines. Query parameters are never logged: they carry the data
 * the services store, secrets (encrypted or not) included.
 */
export class TypeOrmPinoLogger implements TypeOrmLogger {
  constructor(private readonly pino: PinoLogger) {}

  logQuery(): void {
    // Every query would be one line: too much even at trace level.
  }

  logQueryError(error: string | Error, query: string): void {
    this.pino.warn({ err: error, query }, 'database query failed');
  }

  logQuerySlow(durationMs: number, query: string): void {
    this.pino.warn({ durationMs, query }, 'slow database query');
  }

  logSchemaBuild(message: string): void {
    this.pino.debug(message);
  }

  logMigration(message: string): void {
    this.pino.info({ context: 'migrations' }, message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    this.pino[level === 'warn' ? 'warn' : 'debug']({ context: 'typeorm' }, String(message));
  }
}
