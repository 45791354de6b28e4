import { ProvisionedPostgres } from '../provisioned';

const DEFAULT_IMAGE = 'postgres:15-alpine';

/** PostgreSQL in a container through testcontainers (image from TEST_POSTGRES_IMAGE). */
export async function startContainerPostgres(): Promise<ProvisionedPostgres> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer(process.env.TEST_POSTGRES_IMAGE ?? DEFAULT_IMAGE).withDatabase('test').start();
  return {
    url: container.getConnectionUri(),
    description: `testcontainers ${container.getHost()}:${container.getPort()}`,
    startedHere: true,
    stop: async () => {
      await container.stop();
    },
  };
}
