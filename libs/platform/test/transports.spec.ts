import { INestApplication, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { configureHttpApp, connectTransports, PlatformModule } from '../src';
import { dropSchema, uniqueSchema, useTestEnvironment } from './support/test-app';
import { PlatformTables1764200000000 } from './support/platform-tables.migration';

/** Stands in for libs/messaging's Kafka consumer server: records what the app asks of it. */
@Injectable()
class RecordingTransport extends Server implements CustomTransportStrategy {
  readonly calls: string[] = [];

  listen(callback: () => void): void {
    this.calls.push('listen');
    callback();
  }

  close(): void {
    this.calls.push('close');
  }

  on(): void {}

  unwrap<T>(): T {
    throw new Error('nothing to unwrap');
  }
}

@Module({ providers: [RecordingTransport], exports: [RecordingTransport] })
class RecordingTransportModule {}

describe('connectTransports', () => {
  const schema = uniqueSchema('transports');
  let app: INestApplication | undefined;

  beforeAll(() => useTestEnvironment(schema, { LOG_LEVEL: 'warn' }));

  afterAll(async () => {
    await app?.close();
    await dropSchema(schema);
  });

  it('connects every transport strategy a module provides, which then starts and stops with the app', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        PlatformModule.forService({ serviceName: 'transports-test', schema, entities: [], migrations: [PlatformTables1764200000000] }),
        RecordingTransportModule,
      ],
    }).compile();
    app = configureHttpApp(moduleRef.createNestApplication());
    const transport = app.get(RecordingTransport);

    expect(connectTransports(app)).toBe(1);
    await app.startAllMicroservices();
    await app.init();
    expect(transport.calls).toEqual(['listen']);

    await app.close();
    app = undefined;
    expect(transport.calls).toEqual(['listen', 'close']);
  });
});
