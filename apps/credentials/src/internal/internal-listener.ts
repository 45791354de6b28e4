import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { createServer, IncomingMessage, RequestListener, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { CredentialsEnvironment } from '../credentials.environment';

const VIA_INTERNAL_LISTENER = Symbol('viaInternalListener');

/** Whether a request came in on INTERNAL_HTTP_PORT rather than the public port. */
export function arrivedOnInternalListener(request: IncomingMessage): boolean {
  return (request as IncomingMessage & { [VIA_INTERNAL_LISTENER]?: true })[VIA_INTERNAL_LISTENER] === true;
}

/**
 * Serves the same app on a second port, INTERNAL_HTTP_PORT, which only other services reach
 * (ListenerSeparation keeps `/internal` there and everything else on the public port): the secrets
 * API can then sit behind a network boundary of its own.
 */
@Injectable()
export class InternalListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server?: Server;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: ConfigService<CredentialsEnvironment, true>,
    private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const app = this.adapterHost.httpAdapter.getInstance<RequestListener>();
    const server = createServer((request, response) => {
      (request as IncomingMessage & { [VIA_INTERNAL_LISTENER]?: true })[VIA_INTERNAL_LISTENER] = true;
      app(request, response);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.get('INTERNAL_HTTP_PORT', { infer: true }), () => resolve());
    });
    this.server = server;
    this.logger.pino.info({ port: this.port }, 'internal API listening');
  }

  /** The port it listens on (useful when INTERNAL_HTTP_PORT is 0). */
  get port(): number {
    if (!this.server) {
      throw new Error('the internal listener has not started');
    }
    return (this.server.address() as AddressInfo).port;
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) {
      return;
    }
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }
}
