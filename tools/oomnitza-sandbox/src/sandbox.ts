import { Router } from '@zoom-oomnitza-sync/devkit';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { customFieldId, DEFAULT_ROLES, DEFAULT_SAAS, OomnitzaSandboxOptions, ZOOM_ID_FIELD } from './config';
import { Handler } from './http/request-context';
import { createRequestListener } from './http/request-listener';
import { registerAdminRoutes } from './routes/admin-routes';
import { registerBulkRoutes } from './routes/bulk-routes';
import { registerCatalogueRoutes } from './routes/catalogue-routes';
import { registerMappingRoutes } from './routes/mapping-routes';
import { registerPeopleRoutes } from './routes/people-routes';
import { registerSaasRoutes } from './routes/saas-routes';
import { Person } from './people/people-store';
import { SandboxData } from './state/sandbox-data';
import {
  exportPeople,
  exportPeopleWrittenSince,
  exportState,
  SandboxStateExport,
  SandboxStateSummary,
  summarizeState,
} from './state/state-export';

/** Read access to the sandbox's state for code running in the same process (tests). */
export interface OomnitzaSandboxState {
  export(): SandboxStateExport;
  /** The people with their written_at, without the rest of the export: for polling during a load. */
  people(): Person[];
  /** Only the people a bulk record created or updated at or after `since`: for polling often during a long load. */
  peopleWrittenSince(since: Date): Person[];
  summary(): SandboxStateSummary;
}

export interface OomnitzaSandbox {
  /** e.g. http://127.0.0.1:41234 — what the platform uses as the Oomnitza base URL. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly adminKey: string;
  readonly saasId: string;
  /** Field id of each custom field by name, e.g. `customFieldIds['Zoom ID']`. */
  readonly customFieldIds: Readonly<Record<string, string>>;
  readonly state: OomnitzaSandboxState;
  close(): Promise<void>;
}

/** Starts an Oomnitza sandbox on `options.host` (127.0.0.1) and `options.port` (any free port). */
export async function createOomnitzaSandbox(options: OomnitzaSandboxOptions = {}): Promise<OomnitzaSandbox> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const adminKey = options.adminKey ?? randomBytes(24).toString('hex');
  const customFields = options.customFields ?? [ZOOM_ID_FIELD];
  const saas = {
    id: options.saas?.id ?? DEFAULT_SAAS.id,
    name: options.saas?.name ?? DEFAULT_SAAS.name,
    syncKey: options.saas?.syncKey ?? DEFAULT_SAAS.syncKey,
    roles: options.saas?.roles ?? DEFAULT_SAAS.roles,
  };
  const data = new SandboxData({
    roles: options.roles ?? DEFAULT_ROLES,
    customFields,
    saas,
    faults: options.faults ?? {},
    portionAnswers: options.portionAnswers ?? 'full',
  });

  const api = new Router<Handler>();
  registerMappingRoutes(api);
  registerBulkRoutes(api, data);
  registerPeopleRoutes(api, data);
  registerSaasRoutes(api, data);
  if (options.catalogue ?? true) {
    registerCatalogueRoutes(api, data);
  }
  const admin = new Router<Handler>();
  registerAdminRoutes(admin, data);

  const server = createServer(createRequestListener({ api, admin, token, adminKey, faults: data.faults }));
  // Clients keep connections open between pages; outlive their idle timeouts rather than race them.
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    token,
    adminKey,
    saasId: saas.id,
    customFieldIds: Object.fromEntries(customFields.map((field) => [field.name, customFieldId(field.name)])),
    state: {
      export: () => exportState(data),
      people: () => exportPeople(data),
      peopleWrittenSince: (since) => exportPeopleWrittenSince(data, since),
      summary: () => summarizeState(data),
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        data.faults.abortWaits();
        server.closeAllConnections();
      }),
  };
}
