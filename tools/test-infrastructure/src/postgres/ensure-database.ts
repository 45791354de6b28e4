import { Client } from 'pg';

/**
 * Creates the database on the server behind `serverUrl` unless it exists, and returns the URL
 * that points at it. Tests use their own database so a developer's `postgres` database never
 * collects test schemas.
 */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        // 42P04: another process created it between the check and the create.
        if (error.code !== '42P04') {
          throw error;
        }
      });
    }
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
