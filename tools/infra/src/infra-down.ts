// `npm run infra:down`: stops what `npm run infra:up` started (the tools/kafka broker and an
// embedded PostgreSQL), leaving alone anything it found already running.
import { stopLocalKafka } from '@zoom-oomnitza-sync/test-infrastructure';
import { readInfraState, removeInfraState } from './infra-state';
import { terminate } from './process-alive';

const progress = (message: string) => console.error(`[infra] ${message}`);

async function main(): Promise<void> {
  const state = readInfraState();
  if (!state) {
    progress('nothing to stop (no infra:up state)');
    return;
  }
  if (state.kafka.startedHere && state.kafka.port !== undefined) {
    const { port } = state.kafka;
    await stopLocalKafka({ port, controllerPort: state.kafka.controllerPort ?? port + 1 });
    progress(`Kafka on 127.0.0.1:${port} stopped`);
  }
  if (state.postgres.daemonPid !== undefined) {
    await terminate(state.postgres.daemonPid);
    progress('embedded PostgreSQL stopped');
  }
  removeInfraState();
}

main().catch((error: unknown) => {
  console.error('[infra] infra:down failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
