import { IncomingHttpHeaders } from 'node:http';

export interface RequestContext {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when the request has none. */
  body(): Promise<unknown>;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
}

/** A route's handler: what to answer, which the request listener sends as JSON. */
export type Handler = (context: RequestContext) => Reply | Promise<Reply>;
