/**
 * Names why a request got no answer, in the words an operator acts on: the URL and the network
 * error code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED...) or the timeout.
 */
export function describeFetchFailure(url: string, error: unknown, timeoutMs: number): string {
  const refusal = [error, fieldOf(error, 'cause')].find((candidate) => fieldOf(candidate, 'code') === 'OUTBOUND_ADDRESS_REFUSED');
  if (refusal) {
    return `did not call ${url}: ${String(fieldOf(refusal, 'message'))}`;
  }
  const name = fieldOf(error, 'name');
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `could not reach ${url}: no answer within ${timeoutMs} ms`;
  }
  return `could not reach ${url}: ${networkCodeOf(error) ?? 'the connection failed'}`;
}

/**
 * fetch wraps the socket error in `cause`; connecting to several addresses nests an AggregateError.
 * Duck-typed rather than `instanceof Error`: errors may come from another realm (vm contexts).
 */
function networkCodeOf(error: unknown): string | undefined {
  const pending: unknown[] = [error];
  for (let inspected = 0; pending.length > 0 && inspected < 10; inspected += 1) {
    const current = pending.shift();
    const code = fieldOf(current, 'code');
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) {
      return code;
    }
    const nested = fieldOf(current, 'errors');
    pending.push(fieldOf(current, 'cause'), ...(Array.isArray(nested) ? nested : []));
  }
  return undefined;
}

function fieldOf(value: unknown, field: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
}
