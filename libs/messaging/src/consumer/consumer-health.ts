import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppLogger, ReadinessRegistry } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';

/**
 * The 'consumer' readiness check: kafkajs gives up on a consumer after an error it will not retry
 * (CRASH without restart), and the service would then take nothing in while looking healthy. Such
 * a crash makes the replica not ready until it is restarted; a crash kafkajs restarts from is
 * logged only.
 */
@Injectable()
export class ConsumerHealth implements OnModuleInit {
  private readonly log: Logger;
  private stoppedBy?: string;

  constructor(
    private readonly readiness: ReadinessRegistry,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: ConsumerHealth.name });
  }

  onModuleInit(): void {
    this.readiness.register('consumer', async () => {
      if (this.stoppedBy !== undefined) {
        throw new Error(`the Kafka consumer stopped after an error it does not retry: ${this.stoppedBy}; restart the replica`);
      }
    });
  }

  crashed(error: unknown, restarting: boolean): void {
    const reason = error instanceof Error ? error.message : String(error);
    if (restarting) {
      this.log.warn({ reason }, 'the Kafka consumer crashed and restarts');
      return;
    }
    this.stoppedBy = reason;
    this.log.error({ reason }, 'the Kafka consumer stopped for good: the replica reports itself not ready');
  }
}
