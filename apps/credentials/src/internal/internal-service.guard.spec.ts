import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenProblem, MetricsService, UnauthorizedProblem } from '@zoom-oomnitza-sync/platform';
import { ForServices } from './internal-endpoint.decorator';
import { InternalServiceGuard, ServiceAuthenticatedRequest } from './internal-service.guard';
import { ServiceTokens } from './service-tokens';

const FETCHER_TOKEN = 'f'.repeat(40);
const WRITER_TOKEN = 'w'.repeat(48);

class InternalRoutes {
  anyService(): void {}

  @ForServices('zoom-fetcher')
  fetcherOnly(): void {}
}

function contextFor(request: ServiceAuthenticatedRequest, route: keyof InternalRoutes = 'anyService'): ExecutionContext {
  return {
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => InternalRoutes.prototype[route],
    getClass: () => InternalRoutes,
  } as unknown as ExecutionContext;
}

describe('service tokens', () => {
  const tokens = new ServiceTokens(
    new Map([
      ['zoom-fetcher', FETCHER_TOKEN],
      ['oomnitza-writer', WRITER_TOKEN],
    ]),
  );

  it('identify the calling service by its token, and nobody by anything else', () => {
    expect(tokens.identify(FETCHER_TOKEN)).toBe('zoom-fetcher');
    expect(tokens.identify(WRITER_TOKEN)).toBe('oomnitza-writer');
    expect(tokens.identify(FETCHER_TOKEN.slice(1))).toBeUndefined();
    expect(tokens.identify(`${FETCHER_TOKEN}x`)).toBeUndefined();
    expect(tokens.identify('')).toBeUndefined();
  });

  describe('InternalServiceGuard', () => {
    const guard = new InternalServiceGuard(tokens, new Reflector(), new MetricsService('credentials-test'));

    it('admits a service presenting its token as a bearer token, and records which service it is', () => {
      const request: ServiceAuthenticatedRequest = { headers: { authorization: `Bearer ${WRITER_TOKEN}` } };
      expect(guard.canActivate(contextFor(request))).toBe(true);
      expect(request.callingService).toBe('oomnitza-writer');
    });

    it('admits only the services a route names, and refuses another service with 403', () => {
      const fetcher: ServiceAuthenticatedRequest = { headers: { authorization: `Bearer ${FETCHER_TOKEN}` } };
      expect(guard.canActivate(contextFor(fetcher, 'fetcherOnly'))).toBe(true);
      expect(fetcher.callingService).toBe('zoom-fetcher');

      const writer: ServiceAuthenticatedRequest = { headers: { authorization: `Bearer ${WRITER_TOKEN}` } };
      expect(() => guard.canActivate(contextFor(writer, 'fetcherOnly'))).toThrow(ForbiddenProblem);
      expect(writer.callingService).toBeUndefined();
    });

    it.each([
      ['no authorization', undefined],
      ['an unknown token', `Bearer ${'x'.repeat(40)}`],
      ['a tenant API key', `Bearer zos_${'a'.repeat(40)}`],
      ['another scheme', `Basic ${FETCHER_TOKEN}`],
      ['a bare token', FETCHER_TOKEN],
    ])('refuses %s with 401', (_case, authorization) => {
      expect(() => guard.canActivate(contextFor({ headers: { authorization } }))).toThrow(UnauthorizedProblem);
    });
  });
});
