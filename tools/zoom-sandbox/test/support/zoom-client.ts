import { ZoomSandbox } from '../../src';

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function requestJson<T = Record<string, unknown>>(url: string, init: RequestInit = {}): Promise<JsonResponse<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Gateway errors come as HTML; the caller looks at the text.
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
}

/** POST /oauth/token as a Server-to-Server app does. */
export function requestToken(
  sandbox: ZoomSandbox,
  {
    clientId,
    clientSecret,
    accountId,
    grantType = 'account_credentials',
  }: { clientId: string; clientSecret: string; accountId: string; grantType?: string },
): Promise<JsonResponse> {
  return requestJson(sandbox.oauthTokenUrl, {
    method: 'POST',
    headers: { authorization: basicAuthorization(clientId, clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: grantType, account_id: accountId }).toString(),
  });
}

/** A token for the given account's first app (or the app given). */
export async function mintToken(sandbox: ZoomSandbox, accountIndex = 0, appIndex = 0): Promise<string> {
  const account = sandbox.accounts[accountIndex];
  const app = account.apps[appIndex];
  const response = await requestToken(sandbox, { clientId: app.clientId, clientSecret: app.clientSecret, accountId: account.accountId });
  if (response.status !== 200) {
    throw new Error(`token request failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body.access_token as string;
}

export function getApi<T = Record<string, unknown>>(sandbox: ZoomSandbox, pathAndQuery: string, token?: string): Promise<JsonResponse<T>> {
  return requestJson<T>(`${sandbox.apiBaseUrl}${pathAndQuery}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

export interface ListPage {
  page_size: number;
  total_records: number;
  next_page_token: string;
  page_count: number;
  page_number: number;
  users: Record<string, unknown>[];
}

/** Follows next_page_token through one status pass and returns every page. */
export async function walkPass(sandbox: ZoomSandbox, token: string, query: string): Promise<ListPage[]> {
  const pages: ListPage[] = [];
  let next = '';
  do {
    const response = await getApi<ListPage>(sandbox, `/users?${query}${next ? `&next_page_token=${encodeURIComponent(next)}` : ''}`, token);
    if (response.status !== 200) {
      throw new Error(`list users failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    pages.push(response.body);
    next = response.body.next_page_token;
  } while (next);
  return pages;
}

export function adminRequest<T = Record<string, unknown>>(
  sandbox: ZoomSandbox,
  method: string,
  path: string,
  body?: unknown,
  accountId?: string,
): Promise<JsonResponse<T>> {
  const url = `${sandbox.url}${path}${accountId ? `${path.includes('?') ? '&' : '?'}account_id=${encodeURIComponent(accountId)}` : ''}`;
  return requestJson<T>(url, {
    method,
    headers: { 'x-sandbox-admin-key': sandbox.adminKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
