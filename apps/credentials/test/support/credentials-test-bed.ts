import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ApiKeysChanged, CredentialsChanged } from '@zoom-oomnitza-sync/contracts';
import { AppLogger, configureHttpApp, createLogger } from '@zoom-oomnitza-sync/platform';
import {
  applyEnvironment,
  createTestSchema,
  createTestTopics,
  LogCapture,
  testEnvironment,
  TestSchema,
  TestTopics,
} from '@zoom-oomnitza-sync/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { InternalListener } from '../../src/internal/internal-listener';

export const newEncryptionKey = () => randomBytes(32).toString('base64');

export interface RunningCredentials {
  readonly app: INestApplication;
  readonly logs: LogCapture;
  /** The public port: the tenant API, admin, health, metrics. */
  http(): ReturnType<typeof request>;
  /** INTERNAL_HTTP_PORT: /internal, for other services, and health. */
  internalHttp(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * One test file's credentials service: the real AppModule on real PostgreSQL and Kafka, in a
 * schema and topic prefix of its own, its logs captured. Start it again with other settings
 * (rotated keys) against the same schema.
 */
export class CredentialsTestBed {
  readonly adminKey = randomBytes(32).toString('hex');
  /** Every start shares it unless told otherwise: replicas of one deployment have the same keys. */
  readonly encryptionKey = newEncryptionKey();
  readonly serviceTokens = { 'zoom-fetcher': randomBytes(24).toString('hex'), 'oomnitza-writer': randomBytes(24).toString('hex') };
  private readonly running = new Set<RunningCredentials>();

  private constructor(
    readonly schema: TestSchema,
    readonly topics: TestTopics,
  ) {}

  static async create(name: string): Promise<CredentialsTestBed> {
    const schema = await createTestSchema(name);
    const topics = await createTestTopics(name, [CredentialsChanged.topic, ApiKeysChanged.topic]);
    return new CredentialsTestBed(schema, topics);
  }

  get changesTopic(): string {
    return this.topics.name(CredentialsChanged.topic);
  }

  get apiKeysTopic(): string {
    return this.topics.name(ApiKeysChanged.topic);
  }

  async start(settings: Record<string, string> = {}): Promise<RunningCredentials> {
    const restore = applyEnvironment(
      testEnvironment({
        DATABASE_SCHEMA: this.schema.schema,
        KAFKA_TOPIC_PREFIX: this.topics.prefix,
        ADMIN_API_KEY: this.adminKey,
        CREDENTIALS_ENCRYPTION_KEYS: `k1:${this.encryptionKey}`,
        CREDENTIALS_ACTIVE_KEY_ID: 'k1',
        INTERNAL_SERVICE_TOKENS: Object.entries(this.serviceTokens)
          .map(([service, token]) => `${service}:${token}`)
          .join(','),
        OOMNITZA_ALLOW_HTTP: 'true',
        OUTBOUND_ALLOWED_ADDRESSES: '127.0.0.0/8,::1/128',
        OUTBOX_POLL_INTERVAL_MS: '50',
        INTERNAL_HTTP_PORT: '0',
        LOG_LEVEL: 'debug',
        ...settings,
      }),
    );
    const logs = new LogCapture();
    let app: INestApplication;
    try {
      const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
        .overrideProvider(AppLogger)
        .useValue(new AppLogger(createLogger('credentials', 'debug', logs)))
        .compile();
      app = moduleRef.createNestApplication();
      configureHttpApp(app);
      await app.init();
    } finally {
      restore();
    }
    const running: RunningCredentials = {
      app,
      logs,
      http: () => request(app.getHttpServer()),
      internalHttp: () => request(`http://127.0.0.1:${app.get(InternalListener).port}`),
      close: async () => {
        this.running.delete(running);
        await app.close();
      },
    };
    this.running.add(running);
    return running;
  }

  async issueKey(service: RunningCredentials, tenantId: string, scopes = ['credentials:read', 'credentials:write']): Promise<string> {
    const response = await service
      .http()
      .post('/admin/api-keys')
      .set('Authorization', `Bearer ${this.adminKey}`)
      .send({ tenantId, name: `${tenantId} credentials test`, scopes })
      .expect(201);
    return response.body.key;
  }

  async destroy(): Promise<void> {
    await Promise.all([...this.running].map((service) => service.close()));
    await this.schema.drop();
    await this.topics.delete();
  }
}
