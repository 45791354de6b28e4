import { closeOnSignals } from '@zoom-oomnitza-sync/devkit';
import { applyEnvironment } from '@zoom-oomnitza-sync/testing';
import { provisionKafka, provisionPostgres, ProvisionedKafka, ProvisionedPostgres } from '@zoom-oomnitza-sync/test-infrastructure';
import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { createZoomSandbox, Plan, ZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';
import { PlatformDeployment, SERVICES, ServiceName } from './platform-deployment';
import { ServiceProcess, waitUntilReady } from './service-process';
import { setUpZoomSync, ZoomSyncSetup } from './zoom-sync-setup';

export interface LocalStackOptions {
  users: number;
  plan: Plan;
  /** Users of further Zoom accounts in the sandbox, on the same plan; the caller sets up their integrations. */
  spareZoomAccounts?: number[];
  /** Settings for every service but credentials (e.g. the fetcher's pace). */
  serviceSettings?: Record<string, string>;
  log?: (message: string) => void;
  /**
   * For scripts (demo, benches): SIGINT or SIGTERM stops whatever has started so far, even midway
   * through starting, then exits 128 + the signal's number. Tests leave it off.
   */
  stopOnSignals?: boolean;
  /** Each service writes a V8 CPU profile here when the stack stops (see PlatformDeployment). */
  cpuProfileDir?: string;
}

/** Everything a full sync needs on this machine, started and configured, and how to stop it. */
export interface LocalStack {
  deployment: PlatformDeployment;
  services: Map<ServiceName, ServiceProcess>;
  zoom: ZoomSandbox;
  oomnitza: OomnitzaSandbox;
  setup: ZoomSyncSetup;
  scheduler: ServiceProcess;
  stop(): Promise<void>;
}

/**
 * Kafka and PostgreSQL (KAFKA_BROKERS / DATABASE_URL, else local or embedded), both sandboxes in
 * this process, the six services as processes, and one launched integration between the sandboxes.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  let clock = Date.now();
  const step = (message: string) => {
    log(`${message} (${((Date.now() - clock) / 1000).toFixed(1)} s)`);
    clock = Date.now();
  };
  const started: {
    kafka?: ProvisionedKafka;
    postgres?: ProvisionedPostgres;
    zoom?: ZoomSandbox;
    oomnitza?: OomnitzaSandbox;
    deployment?: PlatformDeployment;
  } = {};
  // The services and test helpers read KAFKA_BROKERS / DATABASE_URL: pointed at what this stack
  // provisions, and put back when it stops, so a later stack does not find a broker that is gone.
  const restoreEnvironment: Array<() => void> = [];
  let stopping: Promise<void> | undefined;
  let forgetSignals: (() => void) | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      forgetSignals?.();
      await started.deployment?.destroy();
      await started.oomnitza?.close();
      await started.zoom?.close();
      await started.postgres?.stop();
      await started.kafka?.stop();
      restoreEnvironment.forEach((restore) => restore());
    })());
  if (options.stopOnSignals) {
    forgetSignals = closeOnSignals(stop, { failOnSignal: true });
  }
  try {
    started.kafka = await provisionKafka({ containers: true });
    restoreEnvironment.push(applyEnvironment({ KAFKA_BROKERS: started.kafka.brokers }));
    started.postgres = await provisionPostgres({ containers: true });
    restoreEnvironment.push(applyEnvironment({ DATABASE_URL: started.postgres.url }));
    step(`Kafka: ${started.kafka.description}; PostgreSQL: ${started.postgres.description}`);

    const zoom = (started.zoom = await createZoomSandbox({
      accounts: [options.users, ...(options.spareZoomAccounts ?? [])].map((users, index) => ({
        users,
        seed: 42 + index,
        plan: options.plan,
      })),
    }));
    const oomnitza = (started.oomnitza = await createOomnitzaSandbox());
    step(`Zoom sandbox (${options.plan} plan, ${options.users} users) at ${zoom.url}; Oomnitza sandbox at ${oomnitza.url}`);

    const deployment = (started.deployment = await PlatformDeployment.create('local', { cpuProfileDir: options.cpuProfileDir }));
    const services = new Map<ServiceName, ServiceProcess>();
    // The fetcher first: the credentials service builds each credential's webhook URL from its address.
    const fetcher = await deployment.start('zoom-fetcher', options.serviceSettings ?? {});
    const credentialsSettings = { ZOOM_OAUTH_URL: zoom.url, ZOOM_API_URL: zoom.apiBaseUrl, WEBHOOK_PUBLIC_BASE_URL: fetcher.baseUrl };
    await Promise.all(
      SERVICES.map(async (name) => {
        const service =
          name === 'zoom-fetcher'
            ? fetcher
            : await deployment.start(name, name === 'credentials' ? credentialsSettings : (options.serviceSettings ?? {}));
        services.set(name, service);
        await waitUntilReady(service, 120_000);
      }),
    );
    step('six services ready');

    const scheduler = services.get('scheduler')!;
    const [app] = zoom.accounts[0].apps;
    const setup = await setUpZoomSync({
      tenantId: 'local',
      adminKey: deployment.adminKey,
      credentials: services.get('credentials')!,
      scheduler,
      zoom: { accountId: zoom.accounts[0].accountId, clientId: app.clientId, clientSecret: app.clientSecret },
      oomnitza: { url: oomnitza.url, token: oomnitza.token, adminKey: oomnitza.adminKey },
      oomnitzaRoleId: 25,
    });
    step(`integration ${setup.integrationId} created and launched`);
    return { deployment, services, zoom, oomnitza, setup, scheduler, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
