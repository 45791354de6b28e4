import { containerRuntimeAnswers } from '../container-runtime';
import { nothingToStop, ProvisionedPostgres } from '../provisioned';
import { startContainerPostgres } from './container-postgres';
import { startEmbeddedPostgres } from './embedded-postgres';
import { ensureDatabase } from './ensure-database';
import { postgresAnswers } from './postgres-answers';

export const LOCAL_POSTGRES_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ProvisionPostgresOptions {
  /** Try testcontainers when a container runtime answers (tests do; local tools do not). */
  containers: boolean;
  /** How to run embedded PostgreSQL when nothing else is there (default: a child of this process). */
  startEmbedded?: () => Promise<ProvisionedPostgres>;
}

/**
 * The one place that decides which PostgreSQL the tests and the local tools use:
 * DATABASE_URL when set; else the local server on 127.0.0.1:5432 (its `test` database, created
 * when missing); else testcontainers when allowed and a runtime answers; else embedded-postgres.
 */
export async function provisionPostgres(options: ProvisionPostgresOptions): Promise<ProvisionedPostgres> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    return { url: configured, description: 'DATABASE_URL', startedHere: false, stop: nothingToStop };
  }
  if (await postgresAnswers(LOCAL_POSTGRES_SERVER_URL)) {
    return {
      url: await ensureDatabase(LOCAL_POSTGRES_SERVER_URL, 'test'),
      description: 'local server 127.0.0.1:5432',
      startedHere: false,
      stop: nothingToStop,
    };
  }
  if (options.containers && (await containerRuntimeAnswers())) {
    return startContainerPostgres();
  }
  return (options.startEmbedded ?? startEmbeddedPostgres)();
}
