import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiTags } from '@nestjs/swagger';
import { BEARER_SCHEME, IS_PUBLIC } from '@zoom-oomnitza-sync/platform';
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
