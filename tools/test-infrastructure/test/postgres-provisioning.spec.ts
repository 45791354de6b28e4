import { Client } from 'pg';
import { uniqueName } from '@zoom-oomnitza-sync/testing';
import { ensureDatabase, freePorts, postgresAnswers, provisionPostgres } from '../src';

async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL provisioning', () => {
  const serverUrl = process.env.DATABASE_URL as string;

  it('uses DATABASE_URL as it is when it is set', async () => {
    const postgres = await provisionPostgres({
      containers: true,
      startEmbedded: () => Promise.reject(new Error('must not start anything')),
    });
    expect(postgres).toMatchObject({ url: serverUrl, description: 'DATABASE_URL', startedHere: false });
    await postgres.stop();
    expect(await postgresAnswers(serverUrl)).toBe(true);
  });

  it('tells a server that answers from a port where none listens', async () => {
    const [closedPort] = await freePorts(1);
    expect(await postgresAnswers(serverUrl)).toBe(true);
    expect(await postgresAnswers(`postgres://postgres@127.0.0.1:${closedPort}/postgres`, 500)).toBe(false);
  });

  it('creates a missing database once and points the URL at it', async () => {
    const database = uniqueName('harness_db');
    try {
      const url = await ensureDatabase(serverUrl, database);
      expect(new URL(url).pathname).toBe(`/${database}`);
      expect(await ensureDatabase(serverUrl, database)).toBe(url);
      expect(await postgresAnswers(url)).toBe(true);
    } finally {
      await dropDatabase(serverUrl, database);
    }
  });
});
