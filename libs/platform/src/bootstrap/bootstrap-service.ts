import { INestApplication, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { AddressInfo } from 'node:net';
import { BaseEnvironment } from '../config/base-environment';
import { configureHttpApp } from '../http/configure-http-app';
import { AppLogger } from '../logging/app-logger';
import { createLogger } from '../logging/create-logger';
import { ReadinessRegistry } from '../health/readiness.registry';
import { ServiceIdentity } from '../platform/service-identity';
import { connectTransports } from './connect-transports';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * What each app's main.ts runs: builds the app, serves HTTP on HTTP_PORT (or the app's default),
 * starts its message consumers, and closes everything on SIGTERM/SIGINT. A startup failure (an
 * invalid setting, an unreachable database, a failing migration) is logged and ends the process.
 */
export async function bootstrapService(
  appModule: Type<unknown>,
  options: { serviceName: string; defaultPort: number },
): Promise<INestApplication> {
  // Nest's messages before the app exists; the level is not validated yet, so an invalid one falls back.
  const requestedLevel = process.env.LOG_LEVEL ?? 'info';
  const bootLogger = new AppLogger(createLogger(options.serviceName, LOG_LEVELS.includes(requestedLevel) ? requestedLevel : 'info'));
  try {
    const app = await NestFactory.create(appModule, { logger: bootLogger, bufferLogs: true, abortOnError: false });
    configureHttpApp(app);
    stopOnSignals(app, bootLogger);
    const transports = connectTransports(app);
    // Every module's init hooks run before the first message is handled.
    await app.init();
    await app.startAllMicroservices();
    const config: ConfigService<BaseEnvironment, true> = app.get(ConfigService);
    await app.listen(config.get('HTTP_PORT', { infer: true }) ?? options.defaultPort);
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const identity = app.get(ServiceIdentity);
    app
      .get(AppLogger)
      .pino.info(
        { port, schema: identity.schema, transports, url: `http://localhost:${port}`, docs: `http://localhost:${port}/docs` },
        'service started',
      );
    return app;
  } catch (error) {
    bootLogger.pino.fatal(
      { err: error },
      `${options.serviceName} failed to start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}

/**
 * On SIGTERM or SIGINT: readiness turns first, whatever order the modules' shutdown hooks run in,
 * so load balancers stop sending work while intake drains; then the app closes (intake, outbox
 * relay, HTTP and database, in that order). process.exit rather than re-raising the signal: pino
 * flushes its last lines on exit, and a graceful stop reports success.
 */
function stopOnSignals(app: INestApplication, bootLogger: AppLogger): void {
  // Nest's close passes a signal on to the shutdown hooks; its declared type leaves the parameter out.
  const close = app.close.bind(app) as (signal?: string) => Promise<void>;
  const stop = (signal: NodeJS.Signals) => {
    app.get(ReadinessRegistry).beginShutdown();
    close(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        bootLogger.pino.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
