import { Router } from '@zoom-oomnitza-sync/devkit';
import { timingSafeEqual } from 'node:crypto';
import { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { Faults } from '../faults/faults';
import { HttpError } from './http-error';
import { readJsonBody } from './read-json-body';
import { Handler, Reply, RequestContext } from './request-context';

export interface RequestListenerOptions {
  /** Serves the Oomnitza API: every request needs `Authorization2: <token>`. */
  readonly api: Router<Handler>;
  /** Serves /sandbox/*: every request needs `x-sandbox-admin-key: <key>`. */
  readonly admin: Router<Handler>;
  readonly token: string;
  readonly adminKey: string;
  readonly faults: Faults;
}

const ADMIN_PREFIX = '/sandbox';

function sameSecret(given: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof given !== 'string') {
    return false;
  }
  const buffer = Buffer.from(given);
  return buffer.length === expected.length && timingSafeEqual(buffer, expected);
}

function send(response: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  if (status === 204 || reply.body === undefined) {
    response.writeHead(status, reply.headers);
    response.end();
    return;
  }
  const json = JSON.stringify(reply.body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    ...reply.headers,
  });
  response.end(json);
}

function errorReply(error: unknown): Reply {
  if (error instanceof HttpError) {
    const body = error.details === undefined ? { error: error.message } : { error: error.message, details: error.details };
    return { status: error.status, body, headers: error.headers };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { status: 503, body: { error: 'The sandbox is shutting down' } };
  }
  console.error('oomnitza-sandbox: unexpected error', error);
  return { status: 500, body: { error: 'Internal server error' } };
}

/**
 * Authenticates, injects faults (API only), routes and answers JSON. Admin requests go to their
 * own router so faults set for the API never stop a test from resetting or reading state.
 */
export function createRequestListener(options: RequestListenerOptions): RequestListener {
  const token = Buffer.from(options.token);
  const adminKey = Buffer.from(options.adminKey);

  async function handle(request: IncomingMessage): Promise<Reply> {
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart < 0 ? url : url.slice(0, queryStart);
    const isAdmin = path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`);
    if (isAdmin ? !sameSecret(request.headers['x-sandbox-admin-key'], adminKey) : !sameSecret(request.headers.authorization2, token)) {
      return { status: 401, body: { error: isAdmin ? 'Missing or wrong x-sandbox-admin-key' : 'Missing or wrong Authorization2 token' } };
    }
    if (!isAdmin) {
      await options.faults.beforeRequest(path);
    }
    const method = request.method ?? 'GET';
    const resolution = (isAdmin ? options.admin : options.api).resolve(method, path);
    if (resolution.kind === 'not-found') {
      throw new HttpError(404, `No route for ${method} ${path}`);
    }
    if (resolution.kind === 'method-not-allowed') {
      throw new HttpError(405, `${method} is not allowed on ${path}`, undefined, { allow: resolution.allowed.join(', ') });
    }
    const context: RequestContext = {
      method,
      path,
      params: resolution.params,
      query: new URLSearchParams(queryStart < 0 ? '' : url.slice(queryStart + 1)),
      headers: request.headers,
      body: () => readJsonBody(request),
    };
    return resolution.handler(context);
  }

  return (request, response) => {
    handle(request).then(
      (reply) => send(response, reply),
      (error: unknown) => send(response, errorReply(error)),
    );
  };
}
