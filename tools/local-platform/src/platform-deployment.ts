import { createTestTopics, testDatabaseUrl, testEnvironment, TestTopics, uniqueName } from '@zoom-oomnitza-sync/testing';
import { freePortsOutsideEphemeralRange } from '@zoom-oomnitza-sync/test-infrastructure';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { issueApiKey } from './api-keys';
import { ServiceProcess, startService, waitUntilReady } from './service-process';

export const SERVICES = ['credentials', 'scheduler', 'zoom-fetcher', 'mapper', 'oomnitza-writer', 'notifier'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface DeploymentOptions {
  /** Each service writes a V8 CPU profile (`.cpuprofile`) here when it stops (Node's `--cpu-prof`). */
  cpuProfileDir?: string;
}

/** How long a profiled service may take to stop and write its profile before it is killed. */
const PROFILED_STOP_MS = 30_000;

/**
 * One isolated deployment of the platform for a test file: its own topics (one prefix), one schema
 * per service, one admin key. Services run as real processes.
 */
export class PlatformDeployment {
  readonly adminKey: string;
  private readonly schemas = new Map<ServiceName, string>();
  private readonly running = new Set<ServiceProcess>();
  private credentials?: ServiceProcess;

  private constructor(
    readonly topics: TestTopics,
    private readonly base: Record<string, string>,
    private readonly credentialsPort: number,
    private readonly credentialsInternalPort: number,
    private readonly serviceTokens: Partial<Record<ServiceName, string>>,
    private readonly cpuProfileDir: string | undefined,
  ) {
    this.adminKey = base.ADMIN_API_KEY;
  }

  static async create(name: string, options: DeploymentOptions = {}): Promise<PlatformDeployment> {
    const topics = await createTestTopics(name);
    // Fixed before the other services start, each on a port listen(0) hands out: below that range
    // none of them can take the credentials service's ports first.
    const [credentialsPort, credentialsInternalPort] = await freePortsOutsideEphemeralRange(2);
    const serviceTokens = {
      'zoom-fetcher': randomBytes(24).toString('hex'),
      'oomnitza-writer': randomBytes(24).toString('hex'),
      scheduler: randomBytes(24).toString('hex'),
    };
    // Each service gets its own schema when it starts (schemaOf), so the shared one is left out.
    const base: Record<string, string> = testEnvironment({
      KAFKA_TOPIC_PREFIX: topics.prefix,
      MESSAGING_RETRY_BASE_MS: '20',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      CREDENTIALS_URL: `http://127.0.0.1:${credentialsInternalPort}`,
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
    return new PlatformDeployment(topics, base, credentialsPort, credentialsInternalPort, serviceTokens, options.cpuProfileDir);
  }

  schemaOf(service: ServiceName): string {
    let schema = this.schemas.get(service);
    if (!schema) {
      schema = uniqueName(service.replace('-', '_'));
      this.schemas.set(service, schema);
    }
    return schema;
  }

  async start(service: ServiceName, overrides: Record<string, string> = {}): Promise<ServiceProcess> {
    if (service !== 'credentials') {
      return this.launch(service, overrides);
    }
    const credentials = await this.launch(
      service,
      { INTERNAL_HTTP_PORT: String(this.credentialsInternalPort), ...overrides },
      this.credentialsPort,
    );
    this.credentials = credentials;
    void credentials.exited().then(() => {
      if (this.credentials === credentials) {
        this.credentials = undefined;
      }
    });
    return credentials;
  }

  /**
   * The credentials service, talking to this Zoom (its OAuth and API addresses), and the services
   * named, each with its own settings, once every one of them answers ready.
   */
  async startReady<Name extends Exclude<ServiceName, 'credentials'>>(
    zoom: { url: string; apiBaseUrl: string },
    services: readonly Name[],
    settings: Partial<Record<Name, Record<string, string>>> = {},
  ): Promise<Record<Name | 'credentials', ServiceProcess>> {
    const credentials = await this.start('credentials', { ZOOM_OAUTH_URL: zoom.url, ZOOM_API_URL: zoom.apiBaseUrl });
    const others = await Promise.all(services.map((name) => this.start(name, settings[name] ?? {})));
    await Promise.all([credentials, ...others].map((service) => waitUntilReady(service)));
    return Object.fromEntries([['credentials', credentials], ...services.map((name, index) => [name, others[index]] as const)]) as Record<
      Name | 'credentials',
      ServiceProcess
    >;
  }

  /**
   * A tenant API key issued by the deployment's credentials service (started with its defaults if
   * it is not running), once each of `usableOn` accepts it.
   */
  async issueApiKey(tenantId: string, scopes: string[], usableOn: readonly ServiceProcess[] = []): Promise<string> {
    const credentials = this.credentials ?? (await this.start('credentials'));
    await waitUntilReady(credentials);
    return issueApiKey(credentials, this.adminKey, tenantId, scopes, usableOn);
  }

  /**
   * One more replica of a service, on the same schema, beside the one start() launched. It listens
   * on a port of its own: the other services keep calling the first credentials process.
   */
  startReplica(service: ServiceName, overrides: Record<string, string> = {}): Promise<ServiceProcess> {
    return this.launch(service, service === 'credentials' ? { INTERNAL_HTTP_PORT: '0', ...overrides } : overrides);
  }

  /** Where the other services reach the credentials service's /internal API (its INTERNAL_HTTP_PORT). */
  get credentialsInternalUrl(): string {
    return this.base.CREDENTIALS_URL;
  }

  private async launch(service: ServiceName, overrides: Record<string, string>, port?: number): Promise<ServiceProcess> {
    const token = this.serviceTokens[service];
    const own = { DATABASE_SCHEMA: this.schemaOf(service), ...(token ? { CREDENTIALS_SERVICE_TOKEN: token } : {}) };
    const nodeArgs = this.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', this.cpuProfileDir] : [];
    const process = await startService(service, { ...this.base, ...own, ...overrides }, port, nodeArgs);
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
    // Node writes a CPU profile only on a clean exit: a profiled service is asked to stop.
    await Promise.all([...this.running].map((service) => (this.cpuProfileDir ? service.stop(PROFILED_STOP_MS) : service.kill())));
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
