import { Router } from '@zoom-oomnitza-sync/devkit';
import { validateBulkPayload, validateReadyPortionPayload } from '../bulk/bulk-payload';
import { BulkProcessor } from '../bulk/bulk-processor';
import { HttpError } from '../http/http-error';
import { Handler } from '../http/request-context';
import { Run, runLogView } from '../runs/runs-store';
import { SandboxData } from '../state/sandbox-data';

/** `GET /api/v3/bulk/{portion}` with full answers: what the connector polls (`canceled`) before each page, and more. */
function portionView(portion: string, run: Run | undefined) {
  if (!run) {
    // The connector asks before it sends its first page, so a portion not seen yet is answered,
    // not a 404 (which would stop the connector): it is simply not canceled.
    return {
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
    };
  }
  return { ...runLogView(run), finalized: run.finalized };
}

function pageParameter(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') {
    return undefined;
  }
  if (!/^\d+$/.test(raw)) {
    throw new HttpError(400, `${name} must be a non-negative integer, not "${raw}"`);
  }
  return Number(raw);
}

export function registerBulkRoutes(router: Router<Handler>, data: SandboxData): void {
  const processor = new BulkProcessor(data);

  router.add('POST', '/api/v3/bulk', async ({ body }) => ({ body: processor.process(validateBulkPayload(await body())) }));

  router.add('GET', '/api/v3/bulk/:portion', ({ params }) => {
    const run = data.runs.get(params.portion);
    return { body: data.portionAnswers === 'documented' ? { canceled: run?.canceled ?? false } : portionView(params.portion, run) };
  });

  router.add('POST', '/api/v3/bulk/:portion/finalize', async ({ params }) => {
    await data.faults.beforeFinalize();
    const run = data.runs.finalize(params.portion, new Date());
    return { body: data.portionAnswers === 'documented' ? {} : portionView(params.portion, run) };
  });

  router.add('POST', '/api/v3/bulk/:connectorId/add_ready_portion', async ({ params, body }) => {
    const payload = validateReadyPortionPayload(await body());
    if (data.runs.get(payload.correlation_id)) {
      throw new HttpError(409, `Portion ${payload.correlation_id} already exists`);
    }
    const run = data.runs.addReady(
      params.connectorId,
      payload.correlation_id,
      {
        failed: payload.failed === true || (typeof payload.failed === 'number' && payload.failed > 0),
        errorMessage: payload.error_message ?? undefined,
        errorType: payload.error_type ?? undefined,
        added: payload.added ?? 0,
        testRun: payload.test_run ?? false,
      },
      new Date(),
    );
    return { body: runLogView(run) };
  });

  router.add('GET', '/api/v3/connector_run_logs/:connectorId', ({ params, query }) => {
    const runs = data.runs.ofConnector(params.connectorId);
    const skip = pageParameter(query, 'skip') ?? 0;
    const limit = pageParameter(query, 'limit') ?? runs.length;
    return { body: runs.slice(skip, skip + limit).map(runLogView), headers: { 'x-total-count': String(runs.length) } };
  });
}
