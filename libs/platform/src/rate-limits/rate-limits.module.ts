import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, ThrottlerOptions } from '@nestjs/throttler';
import { BaseEnvironment } from '../config/base-environment';
import { ApiRateLimitGuard, KEY_THROTTLER, TENANT_THROTTLER, trackerOf } from './api-rate-limit.guard';
import { PostgresThrottlerStorage } from './postgres-throttler-storage';

@Module({ providers: [PostgresThrottlerStorage], exports: [PostgresThrottlerStorage] })
class RateLimitStorageModule {}

/** Rate limits per API key and per tenant (RATE_LIMIT_*), shared by a service's replicas. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [ConfigService, PostgresThrottlerStorage],
      useFactory: (config: ConfigService<BaseEnvironment, true>, storage: PostgresThrottlerStorage) => {
        const ttl = config.get('RATE_LIMIT_WINDOW_MS', { infer: true });
        const throttler = (name: string, limit: number): ThrottlerOptions => ({
          name,
          ttl,
          limit,
          getTracker: (request) => trackerOf(name, request),
          // One count per key (or tenant) across every route, not one per route.
          generateKey: (_context, tracker) => `${name}:${tracker}`,
        });
        return {
          storage,
          throttlers: [
            throttler(KEY_THROTTLER, config.get('RATE_LIMIT_PER_KEY', { infer: true })),
            throttler(TENANT_THROTTLER, config.get('RATE_LIMIT_PER_TENANT', { infer: true })),
          ],
        };
      },
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: ApiRateLimitGuard }],
})
export class RateLimitsModule {}
