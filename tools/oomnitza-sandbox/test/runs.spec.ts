import { randomUUID } from 'node:crypto';
import { SandboxStateExport } from '../src';
import { personRecord, SandboxClient, startSandbox } from './support/sandbox-client';

interface RunLogEntry {
  portion_id: string;
  connector_id: string | null;
  start_time: string | null;
  end_time: string | null;
  status: string;
  canceled: boolean;
  is_empty_run: boolean;
  added_records_count: number;
  updated_records_count: number;
  skipped_records_count: number;
  error_logs_count: number;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('runs: portions, finalize, cancel, ready portions and run logs', () => {
  let client: SandboxClient;
  let connectorId: string;

  beforeAll(async () => {
    client = await startSandbox();
  });

  beforeEach(async () => {
    await client.admin('POST', '/sandbox/reset');
    connectorId = `connector-${randomUUID()}`;
  });

  afterAll(async () => {
    await client.close();
  });

  async function runLogs(): Promise<RunLogEntry[]> {
    const response = await client.api<RunLogEntry[]>('GET', `/api/v3/connector_run_logs/${connectorId}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  async function portionInfo(portion: string) {
    return client.api<RunLogEntry & { finalized: boolean }>('GET', `/api/v3/bulk/${portion}`);
  }

  it("accumulates a portion across requests until it is finalized, then logs the run's counts", async () => {
    const portion = randomUUID();
    const send = (records: unknown[]) => client.bulk(records, { portion, connector_id: connectorId });
    await send([personRecord('ann'), personRecord('bob')]);
    await send([personRecord('ann', { POSITION: 'Lead' }), personRecord('carl', { PERMISSIONS_ID: 99 })]);
    const inProgress = await portionInfo(portion);
    expect(inProgress.body).toMatchObject({
      portion_id: portion,
      status: 'In progress',
      canceled: false,
      finalized: false,
      end_time: null,
      added_records_count: 2,
    });
    await send([personRecord('dave')]);
    await client.bulk([personRecord('bob')], { portion, connector_id: connectorId, insert_only: true });

    const finalized = await client.api('POST', `/api/v3/bulk/${portion}/finalize`, {});
    expect(finalized.status).toBe(200);
    const [log] = await runLogs();
    expect(log).toEqual({
      portion_id: portion,
      connector_id: connectorId,
      data_type: 'users',
      start_time: expect.stringMatching(ISO_TIME),
      end_time: expect.stringMatching(ISO_TIME),
      status: 'Completed with errors',
      canceled: false,
      test_run: false,
      is_empty_run: false,
      added_records_count: 3,
      updated_records_count: 1,
      skipped_records_count: 1,
      error_logs_count: 1,
    });
    expect(Date.parse(log.end_time as string)).toBeGreaterThanOrEqual(Date.parse(log.start_time as string));
  });

  it('ends a run "Completed" without errors and "Failed" after a fatal error', async () => {
    const clean = randomUUID();
    await client.bulk([personRecord('ann')], { portion: clean, connector_id: connectorId });
    await client.api('POST', `/api/v3/bulk/${clean}/finalize`, {});
    const fatal = randomUUID();
    await client.bulk([personRecord('bob')], { portion: fatal, connector_id: connectorId });
    await client.bulk([{}], {
      portion: fatal,
      connector_id: connectorId,
      error: 'Failed to fetch the next block of data',
      error_type: 'Fatal Error',
    });
    await client.api('POST', `/api/v3/bulk/${fatal}/finalize`, {});

    const logs = await runLogs();
    expect(logs.map((log) => [log.portion_id, log.status, log.added_records_count, log.error_logs_count])).toEqual([
      [fatal, 'Failed', 1, 1],
      [clean, 'Completed', 1, 0],
    ]);
    const state = (await client.admin<SandboxStateExport>('GET', '/sandbox/state')).body;
    expect(state.runs.find((run) => run.portion_id === fatal)?.errors).toEqual([
      { time: expect.stringMatching(ISO_TIME), message: 'Failed to fetch the next block of data', error_type: 'Fatal Error', record: {} },
    ]);
  });

  it('finalizes once: a second finalize changes nothing, and a finalized portion takes no more records', async () => {
    const portion = randomUUID();
    await client.bulk([personRecord('ann')], { portion, connector_id: connectorId });
    const first = await client.api<RunLogEntry>('POST', `/api/v3/bulk/${portion}/finalize`, {});
    const second = await client.api<RunLogEntry>('POST', `/api/v3/bulk/${portion}/finalize`, {});
    expect(second.body).toEqual(first.body);
    const late = await client.bulk([personRecord('bob')], { portion, connector_id: connectorId });
    expect(late.status).toBe(409);
    expect(late.body).toEqual({ error: `Portion ${portion} is already finalized` });
  });

  it('finalizing a portion that never received a record records an empty run', async () => {
    const portion = randomUUID();
    const response = await client.api<RunLogEntry>('POST', `/api/v3/bulk/${portion}/finalize`, {});
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ portion_id: portion, status: 'Completed', is_empty_run: true, added_records_count: 0 });
  });

  it('answers the cancel check for a portion not seen yet: not canceled, not started', async () => {
    const portion = randomUUID();
    const response = await portionInfo(portion);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      portion_id: portion,
      connector_id: null,
      canceled: false,
      finalized: false,
      status: 'Not started',
      start_time: null,
      end_time: null,
      added_records_count: 0,
      updated_records_count: 0,
      skipped_records_count: 0,
      error_logs_count: 0,
    });
  });

  it('lets the admin API cancel a running portion: the connector sees `canceled`, further pages are refused, the run ends "Canceled"', async () => {
    const portion = randomUUID();
    await client.bulk([personRecord('ann')], { portion, connector_id: connectorId });
    const cancel = await client.admin('PUT', `/sandbox/portions/${portion}/canceled`, { canceled: true });
    expect(cancel.status).toBe(200);
    expect((await portionInfo(portion)).body).toMatchObject({ canceled: true, status: 'Canceled' });
    const refused = await client.bulk([personRecord('bob')], { portion, connector_id: connectorId });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: `Portion ${portion} was canceled` });
    await client.api('POST', `/api/v3/bulk/${portion}/finalize`, {});
    expect(await runLogs()).toEqual([
      expect.objectContaining({ portion_id: portion, status: 'Canceled', canceled: true, added_records_count: 1 }),
    ]);
  });

  it('can cancel a portion before its first page and lift the cancel again', async () => {
    const portion = randomUUID();
    await client.admin('PUT', `/sandbox/portions/${portion}/canceled`, { canceled: true });
    expect((await portionInfo(portion)).body).toMatchObject({ canceled: true });
    expect((await client.bulk([personRecord('ann')], { portion, connector_id: connectorId })).status).toBe(409);
    await client.admin('PUT', `/sandbox/portions/${portion}/canceled`, { canceled: false });
    expect((await client.bulk([personRecord('ann')], { portion, connector_id: connectorId })).status).toBe(200);
    expect((await portionInfo(portion)).body).toMatchObject({
      canceled: false,
      status: 'In progress',
      connector_id: connectorId,
      added_records_count: 1,
    });
  });

  it('records a run that failed before any record through add_ready_portion', async () => {
    const correlationId = randomUUID();
    const response = await client.api('POST', `/api/v3/bulk/${connectorId}/add_ready_portion`, {
      correlation_id: correlationId,
      failed: 1,
      error_message: 'Failed to fetch the first block of data',
      error_type: 'Fatal Error',
      test_run: false,
    });
    expect(response.status).toBe(200);
    expect(await runLogs()).toEqual([
      expect.objectContaining({
        portion_id: correlationId,
        connector_id: connectorId,
        status: 'Failed',
        error_logs_count: 1,
        is_empty_run: false,
        end_time: expect.stringMatching(ISO_TIME),
      }),
    ]);
    const state = (await client.admin<SandboxStateExport>('GET', '/sandbox/state')).body;
    expect(state.runs[0].errors).toEqual([
      { time: expect.any(String), message: 'Failed to fetch the first block of data', error_type: 'Fatal Error', record: null },
    ]);
  });

  it('records an empty run through add_ready_portion, and refuses a correlation id used before', async () => {
    const correlationId = randomUUID();
    expect(
      (await client.api('POST', `/api/v3/bulk/${connectorId}/add_ready_portion`, { correlation_id: correlationId, is_empty_run: true }))
        .status,
    ).toBe(200);
    expect(await runLogs()).toEqual([
      expect.objectContaining({
        portion_id: correlationId,
        status: 'Completed',
        is_empty_run: true,
        added_records_count: 0,
        error_logs_count: 0,
      }),
    ]);
    const again = await client.api('POST', `/api/v3/bulk/${connectorId}/add_ready_portion`, {
      correlation_id: correlationId,
      is_empty_run: true,
    });
    expect(again.status).toBe(409);
    const invalid = await client.api('POST', `/api/v3/bulk/${connectorId}/add_ready_portion`, { failed: 1 });
    expect(invalid.status).toBe(400);
  });

  it("lists a connector's runs newest first, pages them and counts them in x-total-count, apart from other connectors", async () => {
    const portions = [randomUUID(), randomUUID(), randomUUID()];
    for (const portion of portions) {
      await client.bulk([personRecord(`p${portion.slice(0, 8)}`)], { portion, connector_id: connectorId });
    }
    await client.bulk([personRecord('other')], { connector_id: 'another-connector' });
    await client.bulk([personRecord('named')], { portion: randomUUID(), connector_id: undefined, connector_name: 'Zoom' });
    expect((await runLogs()).map((log) => log.portion_id)).toEqual([...portions].reverse());
    const page = await client.api<RunLogEntry[]>('GET', `/api/v3/connector_run_logs/${connectorId}?limit=1&skip=1`);
    expect(page.headers.get('x-total-count')).toBe('3');
    expect(page.body.map((log) => log.portion_id)).toEqual([portions[1]]);
    expect((await client.api<RunLogEntry[]>('GET', '/api/v3/connector_run_logs/Zoom')).body).toHaveLength(1);
    expect((await client.api<RunLogEntry[]>('GET', '/api/v3/connector_run_logs/nobody')).body).toEqual([]);
  });

  describe('with portionAnswers "documented" (--portion-answers documented)', () => {
    let documented: SandboxClient;

    beforeAll(async () => {
      documented = await startSandbox({ portionAnswers: 'documented' });
    });

    afterAll(async () => {
      await documented.close();
    });

    it('answers a portion with nothing but canceled and a finalize with {}, while the run log keeps its counts', async () => {
      const portion = randomUUID();
      expect((await documented.api('GET', `/api/v3/bulk/${portion}`)).body).toEqual({ canceled: false });
      await documented.bulk([personRecord('ann'), personRecord('bob')], { portion, connector_id: connectorId });
      expect((await documented.api('GET', `/api/v3/bulk/${portion}`)).body).toEqual({ canceled: false });

      const finalized = await documented.api('POST', `/api/v3/bulk/${portion}/finalize`, {});

      expect(finalized).toMatchObject({ status: 200, body: {} });
      const logs = await documented.api<RunLogEntry[]>('GET', `/api/v3/connector_run_logs/${connectorId}`);
      expect(logs.body).toEqual([expect.objectContaining({ portion_id: portion, status: 'Completed', added_records_count: 2 })]);
      await documented.admin('PUT', `/sandbox/portions/${portion}/canceled`, { canceled: true });
      expect((await documented.api('GET', `/api/v3/bulk/${portion}`)).body).toEqual({ canceled: true });
    });
  });
});
