import { samplesOf, ServiceName } from '@zoom-oomnitza-sync/local-platform';
import { ServiceMetrics } from './service-metrics';

/** Each service's db_queries_total in a scrape, prepared and plain together. */
export function readQueries(metrics: ServiceMetrics): Map<ServiceName, number> {
  return new Map(
    [...metrics].map(([service, text]) => [service, samplesOf(text, 'db_queries_total').reduce((sum, sample) => sum + sample.value, 0)]),
  );
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
