import { ForbiddenProblem, NotFoundProblem } from '../errors/problems';
import { ADMIN_PRINCIPAL, assertTenant, missingScopes, ownedOrNotFound, TenantPrincipal, tenantOf } from './principal';

const acme: TenantPrincipal = { admin: false, tenantId: 'acme', scopes: ['integrations:read'], keyId: 'k-1' };

describe('principals', () => {
  it('lists the scopes a tenant key lacks; the admin key lacks none', () => {
    expect(missingScopes(acme, ['integrations:read', 'integrations:write'])).toEqual(['integrations:write']);
    expect(missingScopes(ADMIN_PRINCIPAL, ['integrations:write', 'metrics:read'])).toEqual([]);
  });

  it('gives the tenant a request acts for, and refuses the admin key, which is bound to none', () => {
    expect(tenantOf(acme)).toBe('acme');
    expect(() => tenantOf(ADMIN_PRINCIPAL)).toThrow(ForbiddenProblem);
  });

  it("answers 404 for another tenant's object or a missing one", () => {
    expect(() => assertTenant(acme, 'acme')).not.toThrow();
    expect(() => assertTenant(acme, 'globex')).toThrow(NotFoundProblem);
    expect(() => assertTenant(acme, undefined)).toThrow(NotFoundProblem);
    expect(() => assertTenant(ADMIN_PRINCIPAL, 'globex')).not.toThrow();
  });

  it('returns an object the caller may see', () => {
    const integration = { id: 'i-1', tenantId: 'acme' };
    expect(ownedOrNotFound(acme, integration)).toBe(integration);
    expect(() => ownedOrNotFound(acme, { id: 'i-2', tenantId: 'globex' }, 'Integration i-2 does not exist.')).toThrow(
      'Integration i-2 does not exist.',
    );
    expect(() => ownedOrNotFound(acme, null)).toThrow(NotFoundProblem);
  });
});
