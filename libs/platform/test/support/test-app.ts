import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { AppLogger, configureHttpApp, createLogger, PlatformModule } from '../../src';
import { LogCapture } from '@zoom-oomnitza-sync/testing';
import { NotesModule } from './notes.module';
import { PlatformTables1764200000000, RateLimits1764200000001 } from './platform-tables.migration';

export const ADMIN_API_KEY = 'admin-key-for-platform-tests-0123456789abcdef';
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema of its own for each test file, so files never see each other's rows. */
export function uniqueSchema(label: string): string {
  return `platform_${label}_${randomBytes(4).toString('hex')}`;
}

/** The settings a service reads, pointed at the test database and the given schema. */
export function useTestEnvironment(schema: string, overrides: Record<string, string> = {}): void {
  Object.assign(process.env, {
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    ADMIN_API_KEY,
    LOG_LEVEL: 'debug',
    ...overrides,
  });
}

export interface TestApp {
  app: INestApplication;
  logs: LogCapture;
}

/** A service built from PlatformModule plus a tenant-scoped notes resource, its logs captured. */
export async function startTestApp(): Promise<TestApp> {
  const logs = new LogCapture();
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forService({
        serviceName: 'platform-test',
        schema: 'platform_test',
        entities: [],
        migrations: [PlatformTables1764200000000, RateLimits1764200000001],
      }),
      NotesModule,
    ],
  })
    .overrideProvider(AppLogger)
    .useValue(new AppLogger(createLogger('platform-test', 'debug', logs)))
    .compile();
  const app = moduleRef.createNestApplication();
  configureHttpApp(app);
  await app.init();
  return { app, logs };
}

export async function withDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await withDatabase((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}
