import { LocalStack, request, ServiceName } from '@zoom-oomnitza-sync/local-platform';

/** Every service's Prometheus text at one moment: each reading of the bench scrapes each service once. */
export type ServiceMetrics = Map<ServiceName, string>;

export async function scrapeServices(stack: LocalStack): Promise<ServiceMetrics> {
  const texts = await Promise.all(
    [...stack.services].map(async ([service, running]) => {
      const metrics = await request<string>(`${running.baseUrl}/metrics`, { key: stack.deployment.adminKey });
      return [service, metrics.body] as const;
    }),
  );
  return new Map(texts);
}
