// Keeps an embedded PostgreSQL alive after `infra:up` has exited: started detached by
// start-embedded-postgres-daemon.ts, it writes the connection URL to the file named by its first
// argument once the server accepts connections. SIGTERM stops the server and removes its data
// (embedded-postgres's exit hook), which is how `infra:down` ends it.
import { renameSync, writeFileSync } from 'node:fs';
import { startEmbeddedPostgres } from '@zoom-oomnitza-sync/test-infrastructure';

const readyFile = process.argv[2];

startEmbeddedPostgres({ port: process.env.EMBEDDED_POSTGRES_PORT ? Number(process.env.EMBEDDED_POSTGRES_PORT) : undefined })
  .then((postgres) => {
    // Written aside and renamed, so the waiting side never reads half a file.
    writeFileSync(`${readyFile}.tmp`, JSON.stringify({ url: postgres.url, description: postgres.description }));
    renameSync(`${readyFile}.tmp`, readyFile);
  })
  .catch((error: unknown) => {
    console.error('embedded PostgreSQL did not start:', error);
    process.exit(1);
  });
