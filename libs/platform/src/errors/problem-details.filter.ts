import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { throwError } from 'rxjs';
import type { HttpRequest, HttpResponse } from '../http/http-types';
import { AppLogger } from '../logging/app-logger';
import { CORRELATION_HEADER, correlationIdOf } from '../logging/correlation.middleware';
import { CorrelationContext } from '../logging/correlation-context';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { toProblem } from './to-problem';

/** Renders every error of an HTTP request as an RFC 7807 application/problem+json document. */
@Catch()
@Injectable()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: AppLogger) {}

  catch(exception: unknown, host: ArgumentsHost) {
    // Message handlers have their own retry and dead-letter handling, which needs the original error.
    if (host.getType() !== 'http') {
      return throwError(() => exception);
    }

    const request = host.switchToHttp().getRequest<HttpRequest>();
    const response = host.switchToHttp().getResponse<HttpResponse>();
    const problem = toProblem(exception);
    const correlationId = this.correlationIdFor(request, response);
    const instance = (request.originalUrl ?? request.url ?? '').split('?')[0];

    if (problem.unexpected) {
      this.logger.pino.error({ err: exception, correlationId, path: instance }, 'request failed with an unexpected error');
    } else {
      this.logger.pino.debug({ status: problem.status, type: problem.type, correlationId, path: instance }, problem.detail);
    }
    if (response.headersSent) {
      response.destroy();
      return;
    }

    const body: ProblemDetails = {
      ...problem.extensions,
      type: problem.type,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance,
      correlationId,
      ...(problem.errors ? { errors: problem.errors } : {}),
    };
    response.statusCode = problem.status;
    for (const [name, value] of Object.entries(problem.headers ?? {})) {
      response.setHeader(name, value);
    }
    if (problem.status === 401 && !response.hasHeader('WWW-Authenticate')) {
      response.setHeader('WWW-Authenticate', 'Bearer');
    }
    response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    response.end(JSON.stringify(body));
  }

  /** Errors raised before the correlation middleware ran (malformed JSON bodies) still get an id. */
  private correlationIdFor(request: HttpRequest, response: HttpResponse): string {
    const existing = response.getHeader(CORRELATION_HEADER);
    const correlationId =
      CorrelationContext.currentId() ?? (typeof existing === 'string' ? existing : undefined) ?? correlationIdOf(request) ?? randomUUID();
    if (!response.headersSent) {
      response.setHeader(CORRELATION_HEADER, correlationId);
    }
    return correlationId;
  }
}
