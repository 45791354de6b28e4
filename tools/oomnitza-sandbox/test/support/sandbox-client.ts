import { randomUUID } from 'node:crypto';
import { createOomnitzaSandbox, OomnitzaSandbox, OomnitzaSandboxOptions } from '../../src';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface SandboxClient {
  readonly sandbox: OomnitzaSandbox;
  /** A call to the Oomnitza API with the sandbox's token (or `headers` instead). */
  api<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  /** A call to the /sandbox admin API with the admin key. */
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>>;
  /** POST /api/v3/bulk with the connector's defaults; `payload` overrides any of them. */
  bulk<T = unknown>(records: unknown[], payload?: Record<string, unknown>): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

async function call<T>(url: string, method: string, headers: Record<string, string>, body: unknown): Promise<ApiResponse<T>> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Starts an in-process sandbox on 127.0.0.1 and talks to it over real HTTP. */
export async function startSandbox(options: OomnitzaSandboxOptions = {}): Promise<SandboxClient> {
  const sandbox = await createOomnitzaSandbox({ token: 'test-token', adminKey: 'test-admin-key', ...options });
  return {
    sandbox,
    api: (method, path, body, headers) => call(`${sandbox.url}${path}`, method, headers ?? { authorization2: sandbox.token }, body),
    admin: (method, path, body) => call(`${sandbox.url}${path}`, method, { 'x-sandbox-admin-key': sandbox.adminKey }, body),
    bulk: (records, payload = {}) =>
      call(
        `${sandbox.url}/api/v3/bulk`,
        'POST',
        { authorization2: sandbox.token },
        {
          connector_version: 'test',
          data_type: 'users',
          portion: randomUUID(),
          sync_field: ['USER'],
          connector_id: 'zoom-connector',
          insert_only: false,
          update_only: false,
          test_run: false,
          records,
          ...payload,
        },
      ),
    close: () => sandbox.close(),
  };
}

/** A complete bulk record for a new person named by `name`. */
export function personRecord(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    USER: `${name}@example.com`,
    EMAIL: `${name}@example.com`,
    FIRST_NAME: name[0].toUpperCase() + name.slice(1),
    LAST_NAME: 'Tester',
    PERMISSIONS_ID: 25,
    ...extra,
  };
}
