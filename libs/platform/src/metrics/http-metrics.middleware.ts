import { Injectable, NestMiddleware } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { AppLogger } from '../logging/app-logger';
import { CorrelationContext } from '../logging/correlation-context';
import type { HttpRequest, HttpResponse, NextFunction } from '../http/http-types';
import { MetricsService } from './metrics.service';

/** Probes and scrapes arrive every few seconds: logged at debug so they do not drown the rest. */
const QUIET_ROUTES = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * Times every request and logs one line when it ends, or when its client gives up first (status
 * `aborted`). A middleware rather than an interceptor,
 * so requests refused by the guard (401/403) or matching no route (404) are counted too. The
 * route label is the matched template, never the raw path, so ids do not explode the series.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor(
    metrics: MetricsService,
    private readonly logger: AppLogger,
  ) {
    this.duration = metrics.histogram(
      'http_request_duration_seconds',
      'Time from receiving an HTTP request to finishing its response',
      ['method', 'route', 'status'],
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    );
  }

  use(request: HttpRequest, response: HttpResponse, next: NextFunction): void {
    const started = process.hrtime.bigint();
    const correlationId = CorrelationContext.currentId();
    // Nest mounts this middleware as a catch-all route: only a route matched after it is the request's.
    const middlewareRoute = request.route;
    let ended = false;
    const end = (status: number | 'aborted') => {
      if (ended) {
        return;
      }
      ended = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = request.route && request.route !== middlewareRoute ? request.route.path : 'unmatched';
      this.duration.observe({ method: request.method ?? 'UNKNOWN', route, status: String(status) }, seconds);
      const level = status === 'aborted' ? 'warn' : QUIET_ROUTES.has(route) ? 'debug' : 'info';
      this.logger.pino[level](
        {
          correlationId,
          method: request.method,
          route,
          path: request.originalUrl.split('?')[0],
          status,
          durationMs: Math.round(seconds * 1000),
        },
        status === 'aborted' ? 'http request aborted by the client before the answer' : 'http request',
      );
    };
    response.once('finish', () => end(response.statusCode));
    // A client that gave up (a webhook sender's timeout, say) never sees `finish`: counted apart, with how long it waited.
    response.once('close', () => end(response.writableFinished ? response.statusCode : 'aborted'));
    next();
  }
}
