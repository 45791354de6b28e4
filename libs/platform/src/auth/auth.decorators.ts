import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { Principal } from './principal';

export const IS_PUBLIC = 'platform:public';
export const REQUIRED_SCOPES = 'platform:required-scopes';
export const ADMIN_ONLY = 'platform:admin-only';

/** Open to anyone (health probes, signed webhooks): the API key guard lets it pass. */
export const Public = () =>
  applyDecorators(
    SetMetadata(IS_PUBLIC, true),
    // An empty security requirement tells OpenAPI readers that no credentials are needed.
    ApiSecurity({}),
  );

/** The caller's key must carry every listed scope (the admin key carries all). */
export const RequireScopes = (...scopes: string[]) =>
  applyDecorators(SetMetadata(REQUIRED_SCOPES, scopes), ApiExtension('x-required-scopes', scopes));

/** Only the admin key (ADMIN_API_KEY) may call it. */
export const AdminOnly = () => applyDecorators(SetMetadata(ADMIN_ONLY, true), ApiExtension('x-admin-only', true));

/** The Principal the guard authenticated for this request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (!principal) {
    throw new Error('@CurrentPrincipal() used on a route the API key guard does not protect');
  }
  return principal;
});
