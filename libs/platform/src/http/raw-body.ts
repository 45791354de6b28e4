import type { HttpRequest, HttpResponse, NextFunction } from './http-types';

/**
 * Requests under this path get their body as the bytes that arrived (`request.rawBody`), never
 * parsed: their senders sign those bytes, and a signature must be checked before anything else.
 */
export const RAW_BODY_PATH_PREFIX = '/webhooks/';

/** Far above any webhook Zoom sends; a larger body is refused with 413 before it is buffered whole. */
export const RAW_BODY_LIMIT_BYTES = 1_048_576;

export interface RawBodyRequest extends HttpRequest {
  /** The body as received, on routes under RAW_BODY_PATH_PREFIX. */
  rawBody?: Buffer;
}

/** An Express error the platform's problem filter shows as it is (status, message). */
function clientError(status: number, message: string): Error {
  return Object.assign(new Error(message), { status, expose: true });
}

/**
 * Reads the whole body of requests under RAW_BODY_PATH_PREFIX into `request.rawBody`. It runs
 * before the JSON parser, which then finds the body consumed and leaves it alone: elsewhere JSON
 * is parsed as before.
 */
export function readRawBody(limitBytes = RAW_BODY_LIMIT_BYTES) {
  return (request: RawBodyRequest, _response: HttpResponse, next: NextFunction): void => {
    if (!request.url?.startsWith(RAW_BODY_PATH_PREFIX)) {
      next();
      return;
    }
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      next(clientError(415, `content-encoding ${encoding} is not supported`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) {
        return;
      }
      settled = true;
      if (error) {
        next(error);
        return;
      }
      request.rawBody = Buffer.concat(chunks);
      next();
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        // Keep draining without buffering, so the refusal can still be answered on this connection.
        chunks.length = 0;
        settle(clientError(413, 'request entity too large'));
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => settle());
    request.on('error', (error) => settle(error));
  };
}
