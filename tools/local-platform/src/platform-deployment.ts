import { createTestTopics, testDatabaseUrl, testEnvironment, TestTopics, uniqueName } from '@zoom-oomnitza-sync/testing';
import { freePorts } from '@zoom-oomnitza-sync/test-infrastructure';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ServiceProcess, startService } from './service-process';

export const SERVICES = ['credentials', 'scheduler', 'zoom-fetcher', 'mapper', 'oomnitza-writer', 'notifier'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * One isolated deployment of the platform for a test file: its own topics (one prefix), one schema
 * per service, one admin key. Services run as real processes.
 */
export class PlatformDeployment {
  readonly adminKey: string;
  private readonly schemas = new Map<ServiceName, string>();
  private readonly running = new Set<ServiceProcess>();

  private constructor(
    readonly topics: TestTopics,
    private readonly base: Record<string, string>,
    private readonly credentialsPort: number,
    private readonly serviceTokens: Partial<Record<ServiceName, string>>,
  ) {
    this.adminKey = base.ADMIN_API_KEY;
  }

  static async create(name: string): Promise<PlatformDeployment> {
    const topics = await createTestTopics(name);
    const [credentialsPort] = await freePorts(1);
    const serviceTokens = { 'zoom-fetcher': randomBytes(24).toString('hex'), 'oomnitza-writer': randomBytes(24).toString('hex') };
    // Each service gets its own schema when it starts (schemaOf), so the shared one is left out.
    const base: Record<string, string> = testEnvironment({
      KAFKA_TOPIC_PREFIX: topics.prefix,
      MESSAGING_RETRY_BASE_MS: '20',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      CREDENTIALS_URL: `http://127.0.0.1:${credentialsPort}`,
      CREDENTIALS_ENCRYPTION_KEYS: `test-key:${randomBytes(32).toString('base64')}`,
      CREDENTIALS_ACTIVE_KEY_ID: 'test-key',
      INTERNAL_SERVICE_TOKENS: Object.entries(serviceTokens)
        .map(([service, token]) => `${service}:${token}`)
        .join(','),
      OOMNITZA_ALLOW_HTTP: 'true',
      // The Oomnitza sandboxes listen on this machine: an explicit opt-in, never a default.
      OUTBOUND_ALLOWED_ADDRESSES: '127.0.0.0/8,::1/128',
      // Tests press "Run now": a slot of the default daily schedule must not take the run first.
      SCHEDULE_FIRING_ENABLED: 'false',
    });
    delete base.DATABASE_SCHEMA;
    return new PlatformDeployment(topics, base, credentialsPort, serviceTokens);
  }

  schemaOf(service: ServiceName): string {
    let schema = this.schemas.get(service);
    if (!schema) {
      schema = uniqueName(service.replace('-', '_'));
      this.schemas.set(service, schema);
    }
    return schema;
  }

  start(service: ServiceName, overrides: Record<string, string> = {}): Promise<ServiceProcess> {
    return this.launch(service, overrides, service === 'credentials' ? this.credentialsPort : undefined);
  }

  /**
   * One more replica of a service, on the same schema, beside the one start() launched. It listens
   * on a port of its own: the other services keep calling the first credentials process.
   */
  startReplica(service: ServiceName, overrides: Record<string, string> = {}): Promise<ServiceProcess> {
    return this.launch(service, overrides);
  }

  private async launch(service: ServiceName, overrides: Record<string, string>, port?: number): Promise<ServiceProcess> {
    const token = this.serviceTokens[service];
    const own = { DATABASE_SCHEMA: this.schemaOf(service), ...(token ? { CREDENTIALS_SERVICE_TOKEN: token } : {}) };
    const process = await startService(service, { ...this.base, ...own, ...overrides }, port);
    this.running.add(process);
    void process.exited().then(() => this.running.delete(process));
    return process;
  }

  /** Runs one query against a service's schema, as that service would see it. */
  async query<Row = Record<string, unknown>>(service: ServiceName, sql: string, parameters: unknown[] = []): Promise<Row[]> {
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      await client.query(`SET search_path TO ${client.escapeIdentifier(this.schemaOf(service))}`);
      return (await client.query(sql, parameters)).rows as Row[];
    } finally {
      await client.end();
    }
  }

  async destroy(): Promise<void> {
    await Promise.all([...this.running].map((process) => process.kill()));
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      for (const schema of this.schemas.values()) {
        await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schema)} CASCADE`);
      }
    } finally {
      await client.end();
    }
    await this.topics.delete();
  }
}
