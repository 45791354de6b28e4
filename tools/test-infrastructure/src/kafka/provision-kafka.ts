import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { containerRuntimeAnswers } from '../container-runtime';
import { freePorts } from '../free-port';
import { nothingToStop, ProvisionedKafka } from '../provisioned';
import { startContainerKafka } from './container-kafka';
import { startLocalKafka } from './local-kafka';

export interface ProvisionKafkaOptions {
  /** Try testcontainers when a container runtime answers (tests do; local tools do not). */
  containers: boolean;
  /** Ports for a tools/kafka broker; free ports (and a temporary run directory) when omitted. */
  port?: number;
  controllerPort?: number;
}

/**
 * The one place that decides which Kafka the tests and the local tools use: KAFKA_BROKERS when
 * set; else testcontainers when allowed and a runtime answers; else a tools/kafka broker.
 */
export async function provisionKafka(options: ProvisionKafkaOptions): Promise<ProvisionedKafka> {
  const configured = process.env.KAFKA_BROKERS;
  if (configured) {
    return { brokers: configured, description: 'KAFKA_BROKERS', startedHere: false, stop: nothingToStop };
  }
  if (options.containers && (await containerRuntimeAnswers())) {
    return startContainerKafka();
  }
  if (options.port !== undefined) {
    return startLocalKafka({ port: options.port, controllerPort: options.controllerPort ?? options.port + 1 });
  }
  const [port, controllerPort] = await freePorts(2);
  const runDir = join(tmpdir(), `zos-kafka-${port}`);
  const kafka = await startLocalKafka({ port, controllerPort, runDir });
  return {
    ...kafka,
    stop: async () => {
      await kafka.stop();
      await rm(runDir, { recursive: true, force: true });
    },
  };
}
