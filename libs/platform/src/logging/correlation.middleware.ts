import { Injectable, NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponse, NextFunction } from '../http/http-types';
import { CorrelationContext } from './correlation-context';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Only ids that are safe to echo and to write into log lines are taken from callers. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function correlationIdOf(request: HttpRequest): string | undefined {
  const header = request.headers[CORRELATION_HEADER];
  return typeof header === 'string' && ACCEPTED_ID.test(header) ? header : undefined;
}

/** Every request runs in a correlation context: the caller's id when it sent one, else a new one. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: HttpRequest, response: HttpResponse, next: NextFunction): void {
    const correlationId = correlationIdOf(request) ?? randomUUID();
    response.setHeader(CORRELATION_HEADER, correlationId);
    CorrelationContext.run(correlationId, () => next());
  }
}
