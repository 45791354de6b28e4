import { ForbiddenProblem, NotFoundProblem } from '../errors/problems';

/** A tenant id: what API keys, credentials and integrations belong to. */
export const TENANT_ID_FORMAT = /^[A-Za-z0-9_-]{1,64}$/;

/** A caller holding a tenant's API key. */
export interface TenantPrincipal {
  admin: false;
  tenantId: string;
  scopes: string[];
  keyId: string;
}

/** The holder of ADMIN_API_KEY: an operator, bound to no tenant, granted every scope. */
export interface AdminPrincipal {
  admin: true;
}

export type Principal = TenantPrincipal | AdminPrincipal;

export const ADMIN_PRINCIPAL: AdminPrincipal = Object.freeze({ admin: true });

export function missingScopes(principal: Principal, required: readonly string[]): string[] {
  if (principal.admin) {
    return [];
  }
  return required.filter((scope) => !principal.scopes.includes(scope));
}

/**
 * The tenant a request acts for: services filter every query and stamp every new object with it.
 * The admin key is bound to no tenant, so it cannot act inside one.
 */
export function tenantOf(principal: Principal): string {
  if (principal.admin) {
    throw new ForbiddenProblem('The admin key is bound to no tenant: use an API key issued for the tenant.');
  }
  return principal.tenantId;
}

/** Another name for tenantOf. */
export const tenantScope = tenantOf;

/**
 * Refuses access to an object of another tenant (or none) as if it did not exist: callers never
 * learn that another tenant's object is there. Operators holding the admin key may inspect any.
 */
export function assertTenant(
  principal: Principal,
  ownerTenantId: string | null | undefined,
  detail?: string,
): asserts ownerTenantId is string {
  if (ownerTenantId === null || ownerTenantId === undefined) {
    throw new NotFoundProblem(detail);
  }
  if (!principal.admin && principal.tenantId !== ownerTenantId) {
    throw new NotFoundProblem(detail);
  }
}

/** `assertTenant` for a loaded object: returns it when the caller may see it, else answers 404. */
export function ownedOrNotFound<T extends { tenantId: string }>(principal: Principal, resource: T | null | undefined, detail?: string): T {
  assertTenant(principal, resource?.tenantId, detail);
  return resource as T;
}
