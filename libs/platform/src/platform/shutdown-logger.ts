import { BeforeApplicationShutdown, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppLogger } from '../logging/app-logger';

/** Marks the start and the end of a graceful shutdown in the logs. */
@Injectable()
export class ShutdownLogger implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(private readonly logger: AppLogger) {}

  beforeApplicationShutdown(signal?: string): void {
    this.logger.pino.info({ signal }, 'shutting down');
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.pino.info({ signal }, 'stopped');
  }
}
