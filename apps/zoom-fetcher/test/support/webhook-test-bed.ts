import { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  IntegrationChanged,
  IntegrationChangedValue,
  MessageEnvelope,
  ZoomDriftDetected,
  ZoomDriftDetectedValue,
  ZoomUserChanged,
  ZoomUserChangedValue,
} from '@zoom-oomnitza-sync/contracts';
import { CredentialsClient, ZoomWebhookEndpoint } from '@zoom-oomnitza-sync/credentials-client';
import { ConsumedMessage, messagingEntities, TopicNames } from '@zoom-oomnitza-sync/messaging';
import { AppLogger, configureHttpApp, createLogger, MetricsService } from '@zoom-oomnitza-sync/platform';
import {
  applyEnvironment,
  createTestSchema,
  LogCapture,
  openServiceDataSource,
  outboxEnvelopes,
  testEnvironment,
  TestSchema,
} from '@zoom-oomnitza-sync/testing';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Counter } from 'prom-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ReconcileChecker, ReconcileOutcome } from '../../src/reconcile/reconcile-checker';
import { ReconcileSchedule } from '../../src/reconcile/reconcile-schedule';
import { AppModule } from '../../src/app.module';
import { IntegrationChangesController } from '../../src/integrations/integration-changes.controller';
import { UserReader } from '../../src/user-reads/user-reader';
import { ZoomUsersClient } from '../../src/zoom-api/zoom-users.client';
import { FakeCredentials } from './fake-credentials';
import { FakeZoomUsers } from './fake-zoom-users';

export const MAX_ATTEMPTS = 3;

/** A Zoom credential with its webhook endpoint, as the credentials service knows it. */
export interface TestEndpoint extends ZoomWebhookEndpoint {
  endpointId: string;
}

export interface Delivery {
  /** Signs with this secret token instead of the endpoint's. */
  secret?: string;
  /** Epoch seconds of signing; now by default. */
  timestamp?: number;
  /** Sent as is instead of the computed signature. */
  signature?: string;
  /** Headers left out. */
  without?: Array<'x-zm-signature' | 'x-zm-request-timestamp'>;
  /** Sent instead of the bytes that were signed. */
  sentBody?: string;
}

/** x-zm-signature as Zoom computes it, written out here rather than taken from the code under test. */
export function zoomSignatureOf(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`, 'utf8').digest('hex')}`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * The zoom-fetcher in process (its AppModule on real PostgreSQL, in a schema of its own, with its
 * migrations and the real outbox) behind HTTP; Zoom's API and the credentials service are scripted.
 * The outbox relay is off, so what was published is read from the outbox (Kafka's state does not
 * matter to the webhook answer); user reads run only when a test calls readNext().
 */
export class WebhookTestBed {
  readonly zoom = new FakeZoomUsers({ active: 5, inactive: 2 });
  readonly credentials = new FakeCredentials();
  readonly logs = new LogCapture();
  private app: INestApplication;
  /** The test's own connection pool on the schema, for reading back what the service wrote. */
  private inspector: DataSource;
  private revision = 0;

  private constructor(private readonly schema: TestSchema) {}

  /** The schema the service owns in this test. */
  get schemaName(): string {
    return this.schema.schema;
  }

  static async start(name: string): Promise<WebhookTestBed> {
    const bed = new WebhookTestBed(await createTestSchema(name));
    const restore = applyEnvironment(
      testEnvironment({
        DATABASE_SCHEMA: bed.schema.schema,
        CREDENTIALS_URL: 'http://127.0.0.1:9',
        CREDENTIALS_SERVICE_TOKEN: randomBytes(24).toString('hex'),
        OUTBOX_RELAY_ENABLED: 'false',
        ZOOM_USER_READ_CONCURRENCY: '0',
        ZOOM_RECONCILE_WORKERS: '0',
        ZOOM_REQUESTS_PER_SECOND: '1000',
        ZOOM_USER_READS_PER_SECOND: '1000',
        ZOOM_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        FETCH_CONCURRENCY: '1',
        LOG_LEVEL: 'debug',
      }),
    );
    try {
      const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
        .overrideProvider(AppLogger)
        .useValue(new AppLogger(createLogger('zoom-fetcher', 'debug', bed.logs)))
        .overrideProvider(CredentialsClient)
        .useValue(bed.credentials)
        .overrideProvider(ZoomUsersClient)
        .useValue(bed.zoom)
        .compile();
      bed.app = configureHttpApp(moduleRef.createNestApplication());
      await bed.app.init();
    } finally {
      restore();
    }
    bed.inspector = await openServiceDataSource(bed.schema, { entities: messagingEntities, migrations: [] }, { migrate: false });
    return bed;
  }

  /** A Zoom credential with a webhook secret token, on its own Zoom account. */
  endpoint(overrides: Partial<TestEndpoint> = {}): TestEndpoint {
    const endpoint: TestEndpoint = {
      endpointId: randomBytes(32).toString('base64url'),
      tenantId: 'acme',
      zoomCredentialId: randomUUID(),
      accountId: `account-${randomBytes(4).toString('hex')}`,
      webhookSecretToken: randomBytes(16).toString('hex'),
      ...overrides,
    };
    this.credentials.endpoints.set(endpoint.endpointId, endpoint);
    return endpoint;
  }

  /** A fresh credential used by two active integrations (of two tenants) and a paused one, which gets nothing. */
  async credentialInUse(): Promise<{ endpoint: TestEndpoint; integrations: string[] }> {
    const endpoint = this.endpoint();
    const integrations = [
      await this.integration(endpoint.zoomCredentialId, 'active'),
      await this.integration(endpoint.zoomCredentialId, 'active', { tenantId: 'acme-eu' }),
    ];
    await this.integration(endpoint.zoomCredentialId, 'paused');
    return { endpoint, integrations };
  }

  /** The scheduler's announcement of an integration, as the fetcher's consumer hands it over. */
  async integration(
    zoomCredentialId: string,
    state: IntegrationChangedValue['state'],
    options: { integrationId?: string; tenantId?: string; revision?: number } = {},
  ): Promise<string> {
    const integrationId = options.integrationId ?? randomUUID();
    const envelope = {
      messageId: randomUUID(),
      type: IntegrationChanged.type,
      version: IntegrationChanged.version,
      tenantId: options.tenantId ?? 'acme',
      integrationId,
      occurredAt: new Date().toISOString(),
      observedAt: new Date().toISOString(),
      payload: {
        revision: options.revision ?? ++this.revision,
        state,
        name: 'Zoom users',
        type: 'user',
        preference: 'create_and_update',
        zoomCredentialId,
        oomnitzaCredentialId: randomUUID(),
      },
    } as MessageEnvelope<IntegrationChangedValue>;
    await this.app
      .get(DataSource)
      .transaction((manager) =>
        this.app.get(IntegrationChangesController).onIntegrationChanged({ envelope, manager } as ConsumedMessage<IntegrationChangedValue>),
      );
    return integrationId;
  }

  /** POSTs a body (JSON text, byte for byte) to an endpoint's URL, signed as Zoom signs unless told otherwise. */
  deliver(endpoint: Pick<TestEndpoint, 'endpointId' | 'webhookSecretToken'>, body: string | object, delivery: Delivery = {}) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const timestamp = delivery.timestamp ?? nowSeconds();
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-zm-request-timestamp': String(timestamp),
      'x-zm-signature': delivery.signature ?? zoomSignatureOf(delivery.secret ?? endpoint.webhookSecretToken, timestamp, text),
    };
    for (const header of delivery.without ?? []) {
      delete headers[header];
    }
    return request(this.app.getHttpServer())
      .post(`/webhooks/zoom/${endpoint.endpointId}`)
      .set(headers)
      .send(delivery.sentBody ?? text);
  }

  /** One of the service's own providers or controllers. */
  service<T>(type: Type<T>): T {
    return this.app.get(type);
  }

  /** Performs the next due user read, as a read loop would. */
  async readNext(): Promise<boolean> {
    return (await this.app.get(UserReader).readNext()).worked;
  }

  /** Performs the next due reconcile, as a reconcile loop would; undefined when none is due. */
  async reconcileNext(): Promise<ReconcileOutcome | undefined> {
    const due = await this.app.get(ReconcileSchedule).claimDue();
    return due && this.app.get(ReconcileChecker).check(due);
  }

  /** The zoom.user.changed messages written, oldest first. */
  published(): Promise<MessageEnvelope<ZoomUserChangedValue>[]> {
    return outboxEnvelopes<ZoomUserChangedValue>(this.inspector, this.app.get(TopicNames).resolve(ZoomUserChanged.topic));
  }

  /** The zoom.drift.detected messages written, oldest first. */
  drifts(): Promise<MessageEnvelope<ZoomDriftDetectedValue>[]> {
    return outboxEnvelopes<ZoomDriftDetectedValue>(this.inspector, this.app.get(TopicNames).resolve(ZoomDriftDetected.topic));
  }

  /** Everything stored from deliveries: the events taken in and the reads waiting. */
  async stored(): Promise<{ events: number; reads: number; outbox: number }> {
    const [{ events, reads, outbox }] = (await this.inspector.query(
      `SELECT (SELECT count(*)::int FROM webhook_events) AS events, (SELECT count(*)::int FROM user_reads) AS reads,
              (SELECT count(*)::int FROM outbox) AS outbox`,
    )) as [{ events: number; reads: number; outbox: number }];
    return { events, reads, outbox };
  }

  query<Row>(sql: string, parameters: unknown[] = []): Promise<Row[]> {
    return this.inspector.query(sql, parameters) as Promise<Row[]>;
  }

  /** Starts watching a counter's series: the returned function tells how much it grew since (the app's counters outlive tests). */
  async counting(name: string, labels: Record<string, string>): Promise<() => Promise<number>> {
    const before = await this.counted(name, labels);
    return async () => (await this.counted(name, labels)) - before;
  }

  private async counted(name: string, labels: Record<string, string>): Promise<number> {
    const counter = this.app.get(MetricsService).registry.getSingleMetric(name) as Counter | undefined;
    const values = (await counter?.get())?.values ?? [];
    return values
      .filter((value) => Object.entries(labels).every(([label, wanted]) => value.labels[label] === wanted))
      .reduce((sum, value) => sum + value.value, 0);
  }

  /** Every test starts with no integrations, events, reads or messages. */
  async clear(): Promise<void> {
    await this.inspector.query('TRUNCATE integrations, webhook_events, user_reads, known_users, directory_census, outbox, zoom_rate_slots');
    this.zoom.forgetUserReads();
    this.credentials.unavailable = false;
    this.credentials.renewals.length = 0;
    this.credentials.forgotten.length = 0;
    this.credentials.refusal = undefined;
  }

  async close(): Promise<void> {
    await this.inspector?.destroy();
    await this.app?.close();
    await this.schema.drop();
  }
}
