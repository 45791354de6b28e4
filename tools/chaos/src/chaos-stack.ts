import {
  PlatformDeployment,
  ServiceName,
  ServiceProcess,
  SERVICES,
  setUpZoomSync,
  waitUntilReady,
  ZoomSyncSetup,
} from '@zoom-oomnitza-sync/local-platform';
import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import {
  crashAndRestartLocalKafka,
  freePortsOutsideEphemeralRange,
  LocalKafkaOptions,
  provisionPostgres,
  startLocalKafka,
} from '@zoom-oomnitza-sync/test-infrastructure';
import { applyEnvironment } from '@zoom-oomnitza-sync/testing';
import { createZoomSandbox, ZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ChaosStackOptions {
  users: number;
  /** The fetcher's page size and pace: a run long enough for every fault to strike while it goes on. */
  zoomPageSize: number;
  zoomRequestsPerSecond: number;
  /** FETCH_LEASE_SECONDS: how long a killed fetcher's sync waits before another process takes it over. */
  fetchLeaseSeconds: number;
  log: (message: string) => void;
}

/** Two of each: mapper and writer replicas share their consumer groups, as in production. */
const REPLICAS: Record<ServiceName, number> = {
  credentials: 1,
  scheduler: 1,
  'zoom-fetcher': 1,
  mapper: 2,
  'oomnitza-writer': 2,
  notifier: 1,
};

/**
 * The whole platform on a Kafka broker of its own (the one the chaos crashes), both sandboxes
 * with their own faults switched on, two replicas of mapper and writer, one launched integration.
 */
export class ChaosStack {
  private readonly processes = new Map<string, ServiceProcess>();
  private readonly settings = new Map<ServiceName, Record<string, string>>();

  private constructor(
    private readonly kafkaOptions: LocalKafkaOptions,
    /** Newest first: what stop() undoes. */
    private readonly cleanUp: Array<() => Promise<unknown>>,
    readonly zoom: ZoomSandbox,
    readonly oomnitza: OomnitzaSandbox,
    readonly deployment: PlatformDeployment,
  ) {}

  static async start(options: ChaosStackOptions): Promise<ChaosStack> {
    const runDir = mkdtempSync(path.join(tmpdir(), 'zos-chaos-kafka-'));
    // The broker is killed and started again on these ports: none may be taken meanwhile.
    const [port, controllerPort] = await freePortsOutsideEphemeralRange(2);
    const kafkaOptions = { port, controllerPort, runDir };
    const cleanUp: Array<() => Promise<unknown>> = [async () => rmSync(runDir, { recursive: true, force: true })];
    try {
      const kafka = await startLocalKafka(kafkaOptions);
      cleanUp.unshift(() => kafka.stop());
      // The services and test helpers read KAFKA_BROKERS / DATABASE_URL: this stack's, until it stops.
      const restoreBrokers = applyEnvironment({ KAFKA_BROKERS: kafka.brokers });
      cleanUp.unshift(async () => restoreBrokers());
      const postgres = await provisionPostgres({ containers: true });
      cleanUp.unshift(() => postgres.stop());
      const restoreDatabase = applyEnvironment({ DATABASE_URL: postgres.url });
      cleanUp.unshift(async () => restoreDatabase());
      options.log(`Kafka: ${kafka.description}; PostgreSQL: ${postgres.description}`);

      const zoom = await createZoomSandbox({ users: options.users, seed: 11, plan: 'unlimited' });
      cleanUp.unshift(() => zoom.close());
      zoom.faults.inject({ kind: 'rate-limit', count: 3 });
      zoom.faults.inject({ kind: 'server-error', count: 3, status: 503 });
      const oomnitza = await createOomnitzaSandbox({
        faults: {
          latency: { fixedMs: 10, jitterMs: 20 },
          rateLimit: { ratio: 0.03, retryAfterSeconds: 1 },
          serverErrors: { ratio: 0.03, status: 503 },
        },
      });
      cleanUp.unshift(() => oomnitza.close());
      const deployment = await PlatformDeployment.create('chaos');
      cleanUp.unshift(() => deployment.destroy());
      const stack = new ChaosStack(kafkaOptions, cleanUp, zoom, oomnitza, deployment);
      stack.settings.set('zoom-fetcher', {
        ZOOM_PAGE_SIZE: String(options.zoomPageSize),
        ZOOM_REQUESTS_PER_SECOND: String(options.zoomRequestsPerSecond),
        FETCH_LEASE_SECONDS: String(options.fetchLeaseSeconds),
      });
      stack.settings.set('credentials', { ZOOM_OAUTH_URL: zoom.url, ZOOM_API_URL: zoom.apiBaseUrl });
      stack.settings.set('oomnitza-writer', { OOMNITZA_RETRY_BASE_MS: '50' });
      for (const service of SERVICES) {
        for (let replica = 0; replica < REPLICAS[service]; replica += 1) {
          await stack.launch(service, replica);
        }
      }
      options.log(`${stack.processes.size} service processes ready`);
      return stack;
    } catch (error) {
      await runInOrder(cleanUp);
      throw error;
    }
  }

  get scheduler(): ServiceProcess {
    return this.process('scheduler', 0);
  }

  process(service: ServiceName, replica: number): ServiceProcess {
    const found = this.processes.get(`${service}#${replica}`);
    if (!found) {
      throw new Error(`no ${service}#${replica} in the chaos stack`);
    }
    return found;
  }

  async setUpIntegration(): Promise<ZoomSyncSetup> {
    const [app] = this.zoom.accounts[0].apps;
    return setUpZoomSync({
      tenantId: 'chaos',
      adminKey: this.deployment.adminKey,
      credentials: this.process('credentials', 0),
      scheduler: this.scheduler,
      zoom: { accountId: this.zoom.accounts[0].accountId, clientId: app.clientId, clientSecret: app.clientSecret },
      oomnitza: { url: this.oomnitza.url, token: this.oomnitza.token, adminKey: this.oomnitza.adminKey },
      oomnitzaRoleId: 25,
    });
  }

  /** SIGKILL, then the same service with the same settings on the same schema; resolves when it is ready. */
  async killAndRestart(service: ServiceName, replica: number): Promise<void> {
    await this.process(service, replica).kill();
    await this.launch(service, replica);
  }

  async crashBroker(): Promise<void> {
    await crashAndRestartLocalKafka(this.kafkaOptions);
  }

  async stop(): Promise<void> {
    await runInOrder(this.cleanUp);
  }

  private async launch(service: ServiceName, replica: number): Promise<void> {
    const settings = this.settings.get(service) ?? {};
    const started = replica === 0 ? await this.deployment.start(service, settings) : await this.deployment.startReplica(service, settings);
    this.processes.set(`${service}#${replica}`, started);
    await waitUntilReady(started, 120_000);
  }
}

async function runInOrder(steps: ReadonlyArray<() => Promise<unknown>>): Promise<void> {
  for (const step of steps) {
    await step();
  }
}
