import { acquireTestInfrastructure } from './test-infrastructure';

/** Jest global setup (see jest.preset.js): makes Kafka and PostgreSQL available to every worker. */
export default async function globalSetup(): Promise<void> {
  await acquireTestInfrastructure();
}
