export interface HttpResult<T = unknown> {
  status: number;
  contentType: string;
  headers: Headers;
  body: T;
}

/** A JSON request to a running service; the body is parsed when the service sent JSON. */
export async function request<T = Record<string, unknown>>(
  url: string,
  options: { method?: string; key?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  const body = (contentType.includes('json') && text ? JSON.parse(text) : text) as T;
  return { status: response.status, contentType, headers: response.headers, body };
}
