import { request } from './http';
import { ServiceProcess } from './service-process';

export interface RunView {
  id: string;
  status: 'requested' | 'running' | 'completed' | 'failed';
  trigger: 'manual' | 'schedule' | 'reconcile';
  mode: 'full_sync' | 'dry_run';
  failureReason: string | null;
  requestedAt: string;
  finishedAt: string | null;
  fetched: number;
  mapped: number;
  rejected: number;
  filtered: number;
  namesDerived: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** People marked removed, or for a dry run people a full sync would mark. */
  deactivated: number;
  failed: number;
}

/** "Run now" (or a dry run), then follows the run over the scheduler's API until it completes or fails. */
export async function runSync(
  scheduler: ServiceProcess,
  key: string,
  integrationId: string,
  options: { timeoutMs?: number; onProgress?: (run: RunView) => void; mode?: RunView['mode'] } = {},
): Promise<RunView> {
  const started = await request<RunView>(`${scheduler.baseUrl}/integrations/${integrationId}/runs`, {
    method: 'POST',
    key,
    ...(options.mode ? { body: { mode: options.mode } } : {}),
  });
  if (started.status !== 202) {
    throw new Error(`run now failed: ${started.status} ${JSON.stringify(started.body)}`);
  }
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  for (;;) {
    const { body: run } = await request<RunView>(`${scheduler.baseUrl}/integrations/${integrationId}/runs/${started.body.id}`, { key });
    options.onProgress?.(run);
    if (run.status === 'completed' || run.status === 'failed') {
      return run;
    }
    if (Date.now() > deadline) {
      throw new Error(`run ${run.id} did not finish in time: ${JSON.stringify(run)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
