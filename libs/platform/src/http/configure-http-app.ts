import { INestApplication } from '@nestjs/common';
import { AppLogger } from '../logging/app-logger';
import { ServiceIdentity } from '../platform/service-identity';
import { readRawBody } from './raw-body';
import { setupSwagger } from './swagger';

/**
 * The HTTP setup that lives on the application rather than in modules: the JSON logger for
 * Nest's own messages, raw bodies for signed webhooks and the OpenAPI description. Validation,
 * errors, authentication, correlation and metrics come with PlatformModule. Tests call it on apps
 * from Test.createTestingModule, before init.
 */
export function configureHttpApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(AppLogger));
  (app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void }).disable?.('x-powered-by');
  // Registered now, before init adds Nest's body parsers, so it reads webhook bodies first.
  app.use(readRawBody());
  setupSwagger(app, app.get(ServiceIdentity).serviceName);
  return app;
}
