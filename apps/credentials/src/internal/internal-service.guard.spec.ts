import { ExecutionContext } from '@nestjs/common';
import { MetricsService, UnauthorizedProblem } from '@zoom-oomnitza-sync/platform';
import { InternalServiceGuard, ServiceAuthenticatedRequest } from './internal-service.guard';
import { ServiceTokens } from './service-tokens';

const FETCHER_TOKEN = 'f'.repeat(40);
const WRITER_TOKEN = 'w'.repeat(48);

function contextFor(request: ServiceAuthenticatedRequest): ExecutionContext {
  return { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
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
    const guard = new InternalServiceGuard(tokens, new MetricsService('credentials-test'));

    it('admits a service presenting its token as a bearer token, and records which service it is', () => {
      const request: ServiceAuthenticatedRequest = { headers: { authorization: `Bearer ${WRITER_TOKEN}` } };
      expect(guard.canActivate(contextFor(request))).toBe(true);
      expect(request.callingService).toBe('oomnitza-writer');
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
