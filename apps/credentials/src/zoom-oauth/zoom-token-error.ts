/**
 * Minting a Zoom token failed. `problem` names exactly what is wrong, for people; `retryable`
 * tells callers whether trying again later may help (Zoom or the network) or the credential
 * itself must change.
 */
export class ZoomTokenError extends Error {
  constructor(
    readonly problem: string,
    readonly retryable: boolean,
  ) {
    super(problem);
  }
}

/** Zoom's token error codes and what each means for the person fixing the credential. */
const KNOWN_CODES: Record<number, string> = {
  4702: 'Zoom rejected the client id (4702)',
  4704: 'Zoom rejected the client secret (4704)',
  4705: 'Zoom rejected the grant: check the account id, and that the app is a Server-to-Server OAuth app (4705)',
  4706: 'Zoom received no client id or client secret (4706)',
  4717: 'the Zoom app is disabled (4717)',
};

export interface ZoomErrorBody {
  code?: unknown;
  reason?: unknown;
  error?: unknown;
  message?: unknown;
}

/** Zoom's error texts are shown to the caller: one line, bounded, never a body of unknown size. */
function clean(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') {
    return undefined;
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function codeOf(body: ZoomErrorBody): number | undefined {
  const code = typeof body.code === 'string' ? Number(body.code) : body.code;
  return typeof code === 'number' && Number.isInteger(code) ? code : undefined;
}

/** Maps a refused token request (HTTP status and Zoom's body, when JSON) to a ZoomTokenError. */
export function zoomTokenRefusal(status: number, body: ZoomErrorBody | undefined): ZoomTokenError {
  if (status === 429) {
    return new ZoomTokenError('Zoom rate-limited the token request (429)', true);
  }
  if (status >= 500) {
    return new ZoomTokenError(`Zoom failed to answer the token request (HTTP ${status})`, true);
  }
  const code = body ? codeOf(body) : undefined;
  if (code !== undefined && KNOWN_CODES[code]) {
    return new ZoomTokenError(KNOWN_CODES[code], false);
  }
  const error = clean(body?.error);
  const reason = clean(body?.reason) ?? clean(body?.message);
  const said = [error, reason].filter(Boolean).join(': ');
  // Without a code Zoom says what is wrong only in words; it does not tell a bad client id from a bad secret.
  if (reason && /disabled/i.test(reason)) {
    return new ZoomTokenError(`the Zoom app is disabled (${said})`, false);
  }
  if (reason && /account.?id/i.test(reason)) {
    return new ZoomTokenError(`Zoom rejected the account id (${said})`, false);
  }
  if (error === 'invalid_client') {
    return new ZoomTokenError(`Zoom rejected the client id or client secret (${said})`, false);
  }
  const codeText = code === undefined ? `HTTP ${status}` : `code ${code}`;
  return new ZoomTokenError(`Zoom refused the token request (${said ? `${said}, ` : ''}${codeText})`, false);
}
