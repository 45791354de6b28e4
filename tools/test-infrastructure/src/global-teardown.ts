import { releaseTestInfrastructure } from './test-infrastructure';

/** Jest global teardown (see jest.preset.js): stops only what the global setup started. */
export default async function globalTeardown(): Promise<void> {
  await releaseTestInfrastructure();
}
