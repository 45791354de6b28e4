import { ServiceIdentity } from '@zoom-oomnitza-sync/platform';

/** Per-service choices made in code (environment settings live in MessagingSettings). */
export interface MessagingModuleOptions {
  /** Names the consumer group, the inbox consumer and the Kafka client; defaults to ServiceIdentity's. */
  serviceName?: string;
  /** How many partitions one replica processes at the same time (kafkajs partitionsConsumedConcurrently). */
  partitionsConsumedConcurrently?: number;
}

export interface ResolvedMessagingOptions {
  readonly serviceName: string;
  readonly partitionsConsumedConcurrently: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export function resolveMessagingOptions(options: MessagingModuleOptions, identity: ServiceIdentity): ResolvedMessagingOptions {
  return {
    serviceName: options.serviceName ?? identity.serviceName,
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 3,
  };
}
