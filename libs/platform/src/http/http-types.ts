import type { IncomingMessage, ServerResponse } from 'node:http';

/** The parts of Express's request the platform reads (the workspace carries no @types/express). */
export interface HttpRequest extends IncomingMessage {
  originalUrl: string;
  path: string;
  /** Set by Express once a route matched: its path template, e.g. "/admin/api-keys/:id". */
  route?: { path: string };
}

export type HttpResponse = ServerResponse;

export type NextFunction = (error?: unknown) => void;
