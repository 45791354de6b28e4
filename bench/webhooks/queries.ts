import { LocalStack, request, samplesOf, ServiceName } from '@zoom-oomnitza-sync/local-platform';

/** Each service's db_queries_total so far, prepared and plain together. */
export async function readQueries(stack: LocalStack): Promise<Map<ServiceName, number>> {
  const counts = await Promise.all(
    [...stack.services].map(async ([service, running]) => {
      const metrics = await request<string>(`${running.baseUrl}/metrics`, { key: stack.deployment.adminKey });
      return [service, samplesOf(metrics.body, 'db_queries_total').reduce((sum, sample) => sum + sample.value, 0)] as const;
    }),
  );
  return new Map(counts);
}

/**
 * Queries (round trips to PostgreSQL) per event each service sent between two readings. The machine's
 * other load moves them far less than CPU time: what is sent per event is fixed, only what is sent
 * per batch varies with how large batches grow.
 */
export function queriesPerEvent(
  before: Map<ServiceName, number>,
  after: Map<ServiceName, number>,
  events: number,
): (readonly [ServiceName, number])[] {
  return [...after].map(([service, count]) => [service, (count - (before.get(service) ?? 0)) / events] as const);
}
