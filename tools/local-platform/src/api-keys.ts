import { waitFor } from '@zoom-oomnitza-sync/testing';
import { request } from './http';
import { ServiceProcess } from './service-process';

const KEY_ARRIVAL_TIMEOUT_MS = 20_000;

/**
 * Issues a tenant API key through the credentials service's admin endpoint, and waits until each
 * service in `usableOn` accepts it: they learn keys from api-keys.changed, a moment later.
 */
export async function issueApiKey(
  credentials: ServiceProcess,
  adminKey: string,
  tenantId: string,
  scopes: string[],
  usableOn: readonly ServiceProcess[] = [],
): Promise<string> {
  const response = await request<{ key: string }>(`${credentials.baseUrl}/admin/api-keys`, {
    method: 'POST',
    key: adminKey,
    body: { tenantId, name: `${tenantId} system test`, scopes },
  });
  if (response.status !== 201) {
    throw new Error(`issuing a key failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  await Promise.all(usableOn.filter((service) => service !== credentials).map((service) => untilKnown(service, response.body.key)));
  return response.body.key;
}

/** /metrics needs a scope: 401 means the key is not known there yet, 200 or 403 that it is. */
async function untilKnown(service: ServiceProcess, key: string): Promise<void> {
  await waitFor(async () => (await request(`${service.baseUrl}/metrics`, { key })).status !== 401, {
    timeoutMs: KEY_ARRIVAL_TIMEOUT_MS,
    intervalMs: 100,
    description: `${service.name} to learn the key`,
  });
}
