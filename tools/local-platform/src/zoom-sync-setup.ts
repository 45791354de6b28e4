import { STANDARD_MAPPING, StandardZoomField, SyncPreference } from '@zoom-oomnitza-sync/contracts';
import { issueApiKey } from './api-keys';
import { request } from './http';
import { ServiceProcess } from './service-process';

/** A Zoom Server-to-Server OAuth app, as the Zoom sandbox (or Zoom) knows it. */
export interface ZoomApp {
  accountId: string;
  clientId: string;
  clientSecret: string;
}

/** The first app of a Zoom sandbox's first account (any object shaped like it), as setUpZoomSync takes it. */
export function firstZoomApp(zoom: {
  accounts: ReadonlyArray<{ accountId: string; apps: ReadonlyArray<{ clientId: string; clientSecret: string }> }>;
}): ZoomApp {
  const [account] = zoom.accounts;
  return { accountId: account.accountId, clientId: account.apps[0].clientId, clientSecret: account.apps[0].clientSecret };
}

/** An Oomnitza instance: the API and, for the sandbox, its admin API to define custom fields. */
export interface OomnitzaInstance {
  url: string;
  token: string;
  adminKey: string;
}

/** The Oomnitza custom fields the standard mapping writes to, with their types in the sandbox. */
const CUSTOM_FIELDS: Partial<Record<StandardZoomField, { name: string; type: string; unique?: boolean }>> = {
  id: { name: 'Zoom ID', type: 'string', unique: true },
  connector_sync_time: { name: 'Connector Sync Time', type: 'date' },
  dept: { name: 'Department', type: 'string' },
  pmi: { name: 'Personal Meeting Id', type: 'integer' },
  role_id: { name: 'Zoom Role Id', type: 'string' },
  status: { name: 'Zoom Status', type: 'string' },
  timezone: { name: 'Timezone of the User', type: 'string' },
  type: { name: 'User Type', type: 'integer' },
  last_login_time: { name: "User's Last Login Time", type: 'date' },
};

/** One launched integration: what it writes to and the scheduler key of its tenant. */
export interface IntegrationSetup {
  schedulerKey: string;
  integrationId: string;
  oomnitzaCredentialId: string;
  fieldTargets: Record<StandardZoomField, string>;
}

export interface ZoomSyncSetup extends IntegrationSetup {
  tenantId: string;
  /** The tenant's key for the credentials API (credentials:read, credentials:write). */
  credentialsKey: string;
  zoomCredentialId: string;
}

interface TenantServices {
  tenantId: string;
  adminKey: string;
  credentials: ServiceProcess;
  scheduler: ServiceProcess;
}

export interface IntegrationOptions extends TenantServices {
  zoomCredentialId: string;
  oomnitza: OomnitzaInstance;
  oomnitzaRoleId: number;
  preference?: SyncPreference;
  name?: string;
}

export interface ZoomSyncOptions extends Omit<IntegrationOptions, 'zoomCredentialId'> {
  zoom: ZoomApp;
}

async function expectCreated<T>(what: string, response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  if (status !== 201) {
    throw new Error(`${what} failed: ${status} ${JSON.stringify(body)}`);
  }
  return body;
}

/**
 * Defines the custom fields of the standard mapping in an Oomnitza sandbox (once: a field that
 * exists is looked up) and returns the Oomnitza field id of every standard Zoom field.
 */
export async function defineStandardFields(oomnitza: OomnitzaInstance): Promise<Record<StandardZoomField, string>> {
  const headers = { 'x-sandbox-admin-key': oomnitza.adminKey, 'content-type': 'application/json' };
  const existing = (await (await fetch(`${oomnitza.url}/sandbox/custom-fields`, { headers })).json()) as { id: string; name: string }[];
  const targets: Record<StandardZoomField, string> = { ...STANDARD_MAPPING };
  for (const [field, definition] of Object.entries(CUSTOM_FIELDS) as [
    StandardZoomField,
    { name: string; type: string; unique?: boolean },
  ][]) {
    let id = existing.find((candidate) => candidate.name === definition.name)?.id;
    if (!id) {
      const response = await fetch(`${oomnitza.url}/sandbox/custom-fields`, { method: 'POST', headers, body: JSON.stringify(definition) });
      if (response.status !== 201) {
        throw new Error(`defining ${definition.name} failed: ${response.status} ${await response.text()}`);
      }
      id = ((await response.json()) as { id: string }).id;
    }
    targets[field] = id;
  }
  return targets;
}

/**
 * Everything a person does before a first sync, through the services' public APIs: a Zoom and an
 * Oomnitza credential, the Oomnitza fields of the standard mapping, an integration, Launch.
 */
export async function setUpZoomSync(options: ZoomSyncOptions): Promise<ZoomSyncSetup> {
  const { tenantId, adminKey, credentials } = options;
  const credentialsKey = await issueApiKey(credentials, adminKey, tenantId, ['credentials:read', 'credentials:write']);
  const zoomCredential = await expectCreated(
    'creating the Zoom credential',
    request<{ id: string }>(`${credentials.baseUrl}/zoom-credentials`, {
      method: 'POST',
      key: credentialsKey,
      body: { name: `${options.name ?? 'Zoom'} account`, ...options.zoom },
    }),
  );
  const integration = await addIntegration({ ...options, zoomCredentialId: zoomCredential.id });
  return { ...integration, tenantId, credentialsKey, zoomCredentialId: zoomCredential.id };
}

/**
 * One more launched integration of a Zoom credential the tenant has: an Oomnitza credential, the
 * Oomnitza fields of the standard mapping, the integration, Launch.
 */
export async function addIntegration(options: IntegrationOptions): Promise<IntegrationSetup> {
  const { tenantId, adminKey, credentials, scheduler } = options;
  const credentialsKey = await issueApiKey(credentials, adminKey, tenantId, ['credentials:write']);
  const oomnitzaCredential = await expectCreated(
    'creating the Oomnitza credential',
    request<{ id: string }>(`${credentials.baseUrl}/oomnitza-credentials`, {
      method: 'POST',
      key: credentialsKey,
      body: { name: `${options.name ?? 'Oomnitza'} instance`, baseUrl: options.oomnitza.url, apiToken: options.oomnitza.token },
    }),
  );
  const fieldTargets = await defineStandardFields(options.oomnitza);
  const schedulerKey = await issueApiKey(
    credentials,
    adminKey,
    tenantId,
    ['integrations:read', 'integrations:write', 'runs:read', 'runs:write'],
    [scheduler],
  );
  const integration = await expectCreated(
    'creating the integration',
    request<{ id: string }>(`${scheduler.baseUrl}/integrations`, {
      method: 'POST',
      key: schedulerKey,
      body: {
        name: options.name ?? 'Zoom users',
        type: 'user',
        installationType: 'cloud',
        preference: options.preference ?? 'create_and_update',
        zoomCredentialId: options.zoomCredentialId,
        oomnitzaCredentialId: oomnitzaCredential.id,
        oomnitzaRoleId: options.oomnitzaRoleId,
        syncKey: 'email',
        fieldTargets,
      },
    }),
  );
  const launched = await request(`${scheduler.baseUrl}/integrations/${integration.id}/launch`, { method: 'POST', key: schedulerKey });
  if (launched.status !== 200) {
    throw new Error(`launching failed: ${launched.status} ${JSON.stringify(launched.body)}`);
  }
  return { schedulerKey, integrationId: integration.id, oomnitzaCredentialId: oomnitzaCredential.id, fieldTargets };
}
