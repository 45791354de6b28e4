import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenProblem, MetricsService, UnauthorizedProblem } from '@zoom-oomnitza-sync/platform';
import { Counter } from 'prom-client';
import { ServiceTokens } from './service-tokens';

/** Metadata of @ForServices: the only services a route admits. */
export const INTERNAL_SERVICES = 'credentials:internal-services';

export type ServiceAuthenticatedRequest = { headers: Record<string, string | string[] | undefined>; callingService?: string };

const REFUSAL = 'A service token is required: Authorization: Bearer <token of the calling service in INTERNAL_SERVICE_TOKENS>.';

/**
 * Admits only services presenting their INTERNAL_SERVICE_TOKENS token; tenant API keys and the
 * admin key are not enough. A route marked @ForServices admits only the services it names.
 */
@Injectable()
export class InternalServiceGuard implements CanActivate {
  private readonly refusals: Counter<'reason'>;

  constructor(
    private readonly tokens: ServiceTokens,
    private readonly reflector: Reflector,
    metrics: MetricsService,
  ) {
    this.refusals = metrics.counter('http_auth_refusals_total', 'HTTP requests refused by the API key guard', ['reason']);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<ServiceAuthenticatedRequest>();
    const presented = bearerTokenOf(request.headers.authorization);
    if (!presented) {
      return this.refuse('service_token_missing');
    }
    const service = this.tokens.identify(presented);
    if (!service) {
      return this.refuse('service_token_invalid');
    }
    const allowed = this.reflector.getAllAndOverride<string[] | undefined>(INTERNAL_SERVICES, [context.getHandler(), context.getClass()]);
    if (allowed && !allowed.includes(service)) {
      return this.refuse('service_not_allowed', new ForbiddenProblem(`Only ${allowed.join(', ')} may call this endpoint.`));
    }
    request.callingService = service;
    return true;
  }

  private refuse(reason: string, problem: Error = new UnauthorizedProblem(REFUSAL)): never {
    this.refusals.inc({ reason });
    throw problem;
  }
}

function bearerTokenOf(authorization: string | string[] | undefined): string | undefined {
  if (typeof authorization !== 'string') {
    return undefined;
  }
  const [scheme, token] = authorization.trim().split(/\s+/, 2);
  return scheme.toLowerCase() === 'bearer' && token ? token : undefined;
}
