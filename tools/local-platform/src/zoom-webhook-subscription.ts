import { waitFor } from '@zoom-oomnitza-sync/testing';
import { ADMIN_KEY_HEADER } from '@zoom-oomnitza-sync/zoom-sandbox';
import { randomBytes } from 'node:crypto';
import { request } from './http';
import type { LocalStack } from './local-stack';
import { PlatformDeployment } from './platform-deployment';
import { ServiceProcess } from './service-process';

/** A Zoom sandbox's admin API, for one of its accounts. */
export interface ZoomSandboxAccount {
  url: string;
  adminKey: string;
  accountId: string;
}

export interface ZoomWebhookSubscription {
  webhookUrl: string;
  secretToken: string;
}

/** Calls the Zoom sandbox's admin API for the account; throws with the answer unless it is a 2xx. */
export async function zoomSandboxAdmin<T = Record<string, unknown>>(
  zoom: ZoomSandboxAccount,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const url = new URL(`${zoom.url}${path}`);
  url.searchParams.set('account_id', zoom.accountId);
  const response = await fetch(url, {
    method,
    headers: { [ADMIN_KEY_HEADER]: zoom.adminKey, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`Zoom sandbox ${method} ${path} answered ${response.status}: ${text}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * What a person does in the Zoom app's event subscription, against the sandbox: a secret token
 * stored on the Zoom credential through the credentials API, the credential's webhook URL and
 * that token given to the Zoom account's subscription, and Zoom's URL validation passed.
 */
export async function subscribeZoomWebhooks(options: {
  credentials: ServiceProcess;
  credentialsKey: string;
  zoomCredentialId: string;
  zoom: ZoomSandboxAccount;
}): Promise<ZoomWebhookSubscription> {
  const secretToken = randomBytes(24).toString('base64url');
  const updated = await request<{ webhookUrl: string }>(`${options.credentials.baseUrl}/zoom-credentials/${options.zoomCredentialId}`, {
    method: 'PATCH',
    key: options.credentialsKey,
    body: { webhookSecretToken: secretToken },
  });
  if (updated.status !== 200) {
    throw new Error(`setting the webhook secret token failed: ${updated.status} ${JSON.stringify(updated.body)}`);
  }
  const { webhookUrl } = updated.body;
  await zoomSandboxAdmin(options.zoom, 'PUT', '/sandbox/webhook', { url: webhookUrl, secretToken });
  const validation = await zoomSandboxAdmin<{ validated: boolean; reason?: string }>(options.zoom, 'POST', '/sandbox/webhook/validate');
  if (!validation.validated) {
    throw new Error(`Zoom's URL validation of ${webhookUrl} failed: ${validation.reason}`);
  }
  return { webhookUrl, secretToken };
}

/**
 * Waits until the zoom-fetcher knows the integrations are active (it learns them from
 * integration.changed): only then does a webhook fan out to them.
 */
export async function waitForWebhookFanOut(deployment: PlatformDeployment, integrationIds: readonly string[]): Promise<void> {
  await waitFor(
    async () => {
      const active = await deployment.query(
        'zoom-fetcher',
        `SELECT 1 FROM integrations WHERE integration_id = ANY($1) AND state = 'active'`,
        [integrationIds],
      );
      return active.length === integrationIds.length;
    },
    { timeoutMs: 60_000, intervalMs: 200, description: `the zoom-fetcher to know integrations ${integrationIds.join(', ')} are active` },
  );
}

/** The local stack's Zoom account subscribed to its credential's webhook URL, and webhooks reaching its integration. */
export async function subscribeLocalStack(stack: LocalStack): Promise<ZoomWebhookSubscription & { zoom: ZoomSandboxAccount }> {
  const zoom = { url: stack.zoom.url, adminKey: stack.zoom.adminKey, accountId: stack.zoom.accounts[0].accountId };
  const subscription = await subscribeZoomWebhooks({
    credentials: stack.services.get('credentials')!,
    credentialsKey: stack.setup.credentialsKey,
    zoomCredentialId: stack.setup.zoomCredentialId,
    zoom,
  });
  await waitForWebhookFanOut(stack.deployment, [stack.setup.integrationId]);
  return { ...subscription, zoom };
}
