import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  MESSAGING_SETTINGS,
  messagingEntities,
  MessagingMetrics,
  MessagingModule,
  MessagingSettings,
  OutboxService,
} from '@zoom-oomnitza-sync/messaging';
import { AppLogger, connectTransports, createLogger, PlatformModule } from '@zoom-oomnitza-sync/platform';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { BenchEffectEntity } from './bench-effect.entity';
import { BenchSchema1764300000000 } from './bench-migration';
import { HandlerKind } from './bench-options';
import { TickBatchController, TickController } from './tick.controller';
import { TickTimes } from './tick-times';

export const BENCH_SERVICE = { serviceName: 'bench-messaging', schema: 'bench_messaging' } as const;

@Module({})
class BenchModule {
  /** Wired like a service's AppModule; one consumer works on every partition at once. */
  static with(partitions: number, handler: HandlerKind): DynamicModule {
    return {
      module: BenchModule,
      imports: [
        PlatformModule.forService({
          ...BENCH_SERVICE,
          entities: [...messagingEntities, BenchEffectEntity],
          migrations: [BenchSchema1764300000000],
        }),
        MessagingModule.forService({ serviceName: BENCH_SERVICE.serviceName, partitionsConsumedConcurrently: partitions }),
      ],
      controllers: [handler === 'batch' ? TickBatchController : TickController],
      providers: [TickTimes],
    };
  }
}

export interface BenchApp {
  readonly app: INestApplication;
  readonly dataSource: DataSource;
  readonly outbox: OutboxService;
  readonly times: TickTimes;
  readonly settings: MessagingSettings;
  /** Messages the relay has published since the app started. */
  published(): Promise<number>;
}

/**
 * The app as main.ts would start it (settings from process.env, migrations, relay, consumer),
 * without the HTTP listener the benchmark does not use, and logging to stderr so that stdout
 * carries only the results.
 */
export async function startBenchApp(partitions: number, handler: HandlerKind): Promise<BenchApp> {
  const logger = new AppLogger(createLogger(BENCH_SERVICE.serviceName, process.env.LOG_LEVEL ?? 'warn', pino.destination(2)));
  const moduleRef = await Test.createTestingModule({ imports: [BenchModule.with(partitions, handler)] })
    .overrideProvider(AppLogger)
    .useValue(logger)
    .compile();
  const app = moduleRef.createNestApplication({ logger, abortOnError: false });
  try {
    connectTransports(app);
    await app.init();
    await app.startAllMicroservices();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const metrics = app.get(MessagingMetrics);
  return {
    app,
    dataSource: app.get(DataSource),
    outbox: app.get(OutboxService),
    times: app.get(TickTimes),
    settings: app.get<MessagingSettings>(MESSAGING_SETTINGS),
    published: async () => (await metrics.published.get()).values.reduce((sum, sample) => sum + sample.value, 0),
  };
}
