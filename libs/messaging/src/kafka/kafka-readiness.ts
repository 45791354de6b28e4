import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ReadinessRegistry } from '@zoom-oomnitza-sync/platform';
import { Admin } from 'kafkajs';
import { KafkaClient } from './kafka-client';

/**
 * Registers the 'kafka' readiness check: the cluster answers a metadata request. Kafka missing only
 * degrades a service: its APIs need the database alone, and what they publish waits in the outbox.
 */
@Injectable()
export class KafkaReadiness implements OnModuleInit, OnModuleDestroy {
  private admin?: Admin;
  private connected?: Promise<void>;

  constructor(
    private readonly kafka: KafkaClient,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('kafka', () => this.check(), { degradesOnly: true });
  }

  async onModuleDestroy(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    this.connected = undefined;
    await admin?.disconnect();
  }

  private async check(): Promise<void> {
    if (!this.admin) {
      this.admin = this.kafka.admin();
      this.connected = this.admin.connect();
    }
    const admin = this.admin;
    try {
      await this.connected;
    } catch (error) {
      // A later check starts afresh rather than awaiting a connection attempt that already failed.
      if (this.admin === admin) {
        this.admin = undefined;
      }
      throw error;
    }
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) {
      throw new Error('Kafka cluster reports no brokers');
    }
  }
}
