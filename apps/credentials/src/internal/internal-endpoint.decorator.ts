import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiHeader, ApiTags } from '@nestjs/swagger';
import { BEARER_SCHEME, IS_PUBLIC, TENANT_ID_FORMAT, ValidationProblem } from '@zoom-oomnitza-sync/platform';
import { INTERNAL_SERVICES, InternalServiceGuard, ServiceAuthenticatedRequest } from './internal-service.guard';

/**
 * Service-to-service routes that hand out secrets. The API key guard lets them pass (IS_PUBLIC:
 * not @Public(), which would also tell OpenAPI readers that no credentials are needed) and
 * InternalServiceGuard asks for a service token instead.
 */
export const InternalEndpoint = () =>
  applyDecorators(
    SetMetadata(IS_PUBLIC, true),
    UseGuards(InternalServiceGuard),
    ApiTags('internal'),
    ApiBearerAuth(BEARER_SCHEME),
    ApiExtension('x-internal', true),
  );

/** Narrows an internal route to the named services: another service's token gets 403. */
export const ForServices = (...services: string[]) =>
  applyDecorators(SetMetadata(INTERNAL_SERVICES, services), ApiExtension('x-internal-services', services));

/** The name of the service InternalServiceGuard admitted. */
export const CallingService = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const service = context.switchToHttp().getRequest<ServiceAuthenticatedRequest>().callingService;
  if (!service) {
    throw new Error('@CallingService() used on a route InternalServiceGuard does not protect');
  }
  return service;
});

/** The header naming the tenant a service acts for when it asks for a credential's secrets. */
export const TENANT_HEADER = 'x-tenant-id';

/** Documents the tenant header on a route that reads ActingForTenant. */
export const NamesTenant = () =>
  ApiHeader({
    name: 'X-Tenant-Id',
    required: true,
    description: "The tenant the calling service acts for: another tenant's credential is not found (404)",
  });

/** The tenant the calling service acts for (X-Tenant-Id): required, so a credential id alone never reaches a secret. */
export const ActingForTenant = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const tenantId = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers[TENANT_HEADER];
  if (typeof tenantId !== 'string' || !TENANT_ID_FORMAT.test(tenantId)) {
    throw new ValidationProblem(
      [{ field: TENANT_HEADER, message: 'the tenant the service acts for: 1 to 64 letters, digits, "_" or "-"' }],
      'Name the tenant the service acts for in the X-Tenant-Id header.',
    );
  }
  return tenantId;
});
