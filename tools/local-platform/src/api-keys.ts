import { request } from './http';
import { ServiceProcess } from './service-process';

/** Issues an API key for a tenant through the service's admin endpoint. */
export async function issueApiKey(service: ServiceProcess, adminKey: string, tenantId: string, scopes: string[]): Promise<string> {
  const response = await request<{ key: string }>(`${service.baseUrl}/admin/api-keys`, {
    method: 'POST',
    key: adminKey,
    body: { tenantId, name: `${tenantId} system test`, scopes },
  });
  if (response.status !== 201) {
    throw new Error(`issuing a key failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body.key;
}
