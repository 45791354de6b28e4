import { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

/** Far above 100 records of any realistic size; a bound keeps a runaway client from exhausting memory. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Reads and parses a JSON body; undefined when there is none. */
export function readJsonBody(request: IncomingMessage): Promise<unknown> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    return Promise.reject(new HttpError(413, `The body exceeds ${MAX_BODY_BYTES} bytes`));
  }
  // Events rather than `for await`: the bulk hot path reads a body per request, and the async
  // iterator costs more than the parse of a small body.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        reject(new HttpError(413, `The body exceeds ${MAX_BODY_BYTES} bytes`));
      } else {
        chunks.push(chunk);
      }
    });
    request.once('error', reject);
    request.once('end', () => {
      if (size === 0 || size > MAX_BODY_BYTES) {
        resolve(undefined);
        return;
      }
      const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'The body is not valid JSON'));
      }
    });
  });
}
