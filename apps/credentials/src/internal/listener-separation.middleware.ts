import { Injectable, NestMiddleware, NotFoundException } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { arrivedOnInternalListener } from './internal-listener';

const isInternalPath = (path: string) => path === '/internal' || path.startsWith('/internal/');
const isHealthPath = (path: string) => path.startsWith('/health/');

/**
 * `/internal` answers on the internal port only, and the public routes on the public port only
 * (health on both, for probes): each port answers 404 for the other's routes, as if they did not exist.
 */
@Injectable()
export class ListenerSeparationMiddleware implements NestMiddleware {
  use(request: IncomingMessage & { path?: string }, _response: ServerResponse, next: (error?: unknown) => void): void {
    const path = request.path ?? new URL(request.url ?? '/', 'http://localhost').pathname;
    const internal = arrivedOnInternalListener(request);
    if (isHealthPath(path) || internal === isInternalPath(path)) {
      next();
      return;
    }
    // Word for word what an unknown route gets, so the public port does not tell that /internal exists.
    next(new NotFoundException(`Cannot ${request.method ?? 'GET'} ${path}`));
  }
}
