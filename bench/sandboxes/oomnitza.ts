// The Oomnitza sandbox under load: the sandbox runs in a child process (as `npm run
// sandbox:oomnitza` runs it) and autocannon drives it over keep-alive connections from this one.
// Scenarios: a people lookup by email (index), a filtered scan of every person, and bulk writes
// of 100 records that mix creates and updates and link each person to the Zoom SaaS app.
import { startProcess } from '@zoom-oomnitza-sync/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { autocannon, benchRowOf } from './autocannon';
import { BenchRow } from './bench-row';

export interface OomnitzaBenchOptions {
  /** Seconds each scenario runs (default 10). */
  seconds?: number;
  /** Concurrent keep-alive connections (default 16). */
  connections?: number;
  /** People created before the read scenarios (default 10 000). */
  people?: number;
  /** Share of each bulk request's records that create a new person, the rest update (default 0.2). */
  insertShare?: number;
  /** Progress lines; stderr by default. */
  progress?: (line: string) => void;
}

const REPOSITORY_ROOT = join(__dirname, '..', '..');
const CONNECTOR_ID = 'bench-zoom';
const SANDBOX_START_TIMEOUT_MS = 60_000;

interface RunningSandbox {
  url: string;
  token: string;
  adminKey: string;
  zoomIdField: string;
  stop(): Promise<void>;
}

/** Starts `tools/oomnitza-sandbox/src/cli.ts` on a free port and reads its summary line. */
async function startSandbox(): Promise<RunningSandbox> {
  const token = randomBytes(16).toString('hex');
  const adminKey = randomBytes(16).toString('hex');
  const sandbox = startProcess(
    process.execPath,
    ['-r', '@swc-node/register', 'tools/oomnitza-sandbox/src/cli.ts', '--port', '0', '--token', token, '--admin-key', adminKey],
    { cwd: REPOSITORY_ROOT, stderr: 'inherit' },
  );
  const stop = async () => {
    await sandbox.stop();
  };
  try {
    const line = await sandbox.waitForLine((text) => text.startsWith('oomnitza-sandbox listening'), SANDBOX_START_TIMEOUT_MS);
    const url = /url=(\S+)/.exec(line)?.[1];
    const zoomIdField = /zoom-id-field=(\S+)/.exec(line)?.[1];
    if (!url || !zoomIdField) {
      throw new Error(`unexpected summary line from the Oomnitza sandbox: ${line}`);
    }
    return { url, token, adminKey, zoomIdField, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One bulk record for person `n`; `revision` changes the position so an update really changes something. */
function record(n: number, revision: number, zoomIdField: string): string {
  return (
    `{"USER":"user-${n}@example.com","EMAIL":"user-${n}@example.com","FIRST_NAME":"First${n}","LAST_NAME":"Last${n % 997}",` +
    `"PERMISSIONS_ID":25,"POSITION":"Engineer ${revision}","${zoomIdField}":"zoom-${n}",` +
    `"SAAS":{"sync_key":"zoom","user_external_id":"zoom-${n}","role_external_id":"2","status":"active"}}`
  );
}

function bulkBody(portion: string, records: string[]): string {
  return `{"connector_version":"bench","data_type":"users","portion":"${portion}","sync_field":["EMAIL"],"connector_id":"${CONNECTOR_ID}","insert_only":false,"update_only":false,"records":[${records.join(',')}]}`;
}

async function call(sandbox: RunningSandbox, method: string, path: string, body?: string): Promise<unknown> {
  const admin = path.startsWith('/sandbox');
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(admin ? { 'x-sandbox-admin-key': sandbox.adminKey } : { authorization2: sandbox.token }),
    },
    body,
  });
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  }
  return response.status === 204 ? undefined : response.json();
}

async function seedPeople(sandbox: RunningSandbox, people: number): Promise<void> {
  const portion = randomUUID();
  for (let start = 0; start < people; start += 100) {
    const records = Array.from({ length: Math.min(100, people - start) }, (_, index) => record(start + index, 0, sandbox.zoomIdField));
    await call(sandbox, 'POST', '/api/v3/bulk', bulkBody(portion, records));
  }
  await call(sandbox, 'POST', `/api/v3/bulk/${portion}/finalize`, '{}');
}

interface Summary {
  people: number;
  added_records_count: number;
  updated_records_count: number;
  skipped_records_count: number;
  error_logs_count: number;
}

export async function benchOomnitzaSandbox(options: OomnitzaBenchOptions = {}): Promise<BenchRow[]> {
  const seconds = options.seconds ?? 10;
  const connections = options.connections ?? 16;
  const people = options.people ?? 10_000;
  const insertShare = options.insertShare ?? 0.2;
  const progress = options.progress ?? ((line: string) => process.stderr.write(`[bench oomnitza] ${line}\n`));

  progress('starting the sandbox in a child process');
  const sandbox = await startSandbox();
  try {
    progress(`seeding ${people} people through the bulk API`);
    await seedPeople(sandbox, people);
    const headers = { authorization2: sandbox.token, 'content-type': 'application/json' };
    const rows: BenchRow[] = [];

    progress(`list users by email (unique index), ${connections} connections, ${seconds} s`);
    let lookup = 0;
    rows.push(
      benchRowOf(
        'list users: filter email eq (index)',
        await autocannon({
          url: sandbox.url,
          connections,
          duration: seconds,
          headers,
          requests: [
            {
              method: 'GET',
              setupRequest: (request) => {
                lookup = (lookup + 7919) % people;
                return { ...request, path: `/api/v3/users?filter=${encodeURIComponent(`email eq "user-${lookup}@example.com"`)}` };
              },
            },
          ],
        }),
      ),
    );

    progress(`list users with a filter scanning all ${people} people, limit 100`);
    let surname = 0;
    rows.push(
      benchRowOf(
        `list users: LIKE + and over ${people} people (scan)`,
        await autocannon({
          url: sandbox.url,
          connections,
          duration: seconds,
          headers,
          requests: [
            {
              method: 'GET',
              setupRequest: (request) => {
                surname = (surname + 1) % 997;
                const filter = `last_name LIKE "Last${surname}%" and role eq 25`;
                return { ...request, path: `/api/v3/users?limit=100&filter=${encodeURIComponent(filter)}` };
              },
            },
          ],
        }),
      ),
    );

    progress(`bulk writes of 100 records, ${Math.round(insertShare * 100)}% creates, a new portion every 100 requests`);
    const before = (await call(sandbox, 'GET', '/sandbox/state/summary')) as Summary;
    const inserts = Math.round(100 * insertShare);
    let nextPerson = people;
    let updateCursor = 0;
    let sent = 0;
    let portion = randomUUID();
    const bulk = await autocannon({
      url: sandbox.url,
      connections,
      duration: seconds,
      headers,
      requests: [
        {
          method: 'POST',
          path: '/api/v3/bulk',
          setupRequest: (request) => {
            sent += 1;
            if (sent % 100 === 0) {
              portion = randomUUID();
            }
            const records: string[] = [];
            for (let index = 0; index < inserts; index += 1) {
              records.push(record(nextPerson++, sent, sandbox.zoomIdField));
            }
            for (let index = inserts; index < 100; index += 1) {
              updateCursor = (updateCursor + 1) % nextPerson;
              records.push(record(updateCursor, sent, sandbox.zoomIdField));
            }
            return { ...request, body: bulkBody(portion, records) };
          },
        },
      ],
    });
    const after = (await call(sandbox, 'GET', '/sandbox/state/summary')) as Summary;
    const recordErrors = after.error_logs_count - before.error_logs_count;
    const applied = after.added_records_count + after.updated_records_count - before.added_records_count - before.updated_records_count;
    progress(
      `bulk: ${applied} records applied (${after.added_records_count - before.added_records_count} created), ` +
        `${recordErrors} refused; ${after.people} people in the sandbox; autocannon counted ${bulk.requests.total} answers (x100 = ${bulk.requests.total * 100})`,
    );
    // A refused record is an error of the scenario as much as a failed request is.
    rows.push(benchRowOf('bulk write: 100 records (create + update + SaaS link)', bulk, recordErrors));
    return rows;
  } finally {
    await sandbox.stop();
  }
}
