import { IncomingMessage, ServerResponse } from 'node:http';

/** What a route's handler gets: it answers on `res` itself. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
}

export type Handler = (context: RequestContext) => void | Promise<void>;

export function splitUrl(url: string | undefined): { path: string; query: URLSearchParams } {
  const raw = url ?? '/';
  const questionMark = raw.indexOf('?');
  return questionMark < 0
    ? { path: raw, query: new URLSearchParams() }
    : { path: raw.slice(0, questionMark), query: new URLSearchParams(raw.slice(questionMark + 1)) };
}
