import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CredentialsClientModule } from '@zoom-oomnitza-sync/credentials-client';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { ServiceIdentity } from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { ZoomRateBudget } from './zoom-rate-budget';
import { ZoomAccountCalls } from './zoom-account-calls';
import { ZoomSummaryReader } from './zoom-summary-reader';
import { ZoomUsersClient } from './zoom-users.client';

/**
 * Zoom's users API and the pace per Zoom account and rate-limit category that full syncs and
 * webhook reads share across replicas: Zoom's rate limits are per account, whoever calls.
 */
@Module({
  imports: [CredentialsClientModule],
  providers: [
    ZoomUsersClient,
    ZoomSummaryReader,
    ZoomAccountCalls,
    {
      provide: ZoomRateBudget,
      inject: [DataSource, ServiceIdentity, ConfigService],
      useFactory: (dataSource: DataSource, identity: ServiceIdentity, config: ConfigService<ZoomFetcherEnvironment, true>) =>
        new ZoomRateBudget(
          dataSource,
          identity,
          {
            medium: config.get('ZOOM_REQUESTS_PER_SECOND', { infer: true }),
            light: config.get('ZOOM_USER_READS_PER_SECOND', { infer: true }),
          },
          {
            medium: config.get('ZOOM_REQUESTS_PER_DAY', { infer: true }),
            light: config.get('ZOOM_USER_READS_PER_DAY', { infer: true }),
          },
        ),
    },
  ],
  exports: [ZoomUsersClient, ZoomRateBudget, ZoomSummaryReader, ZoomAccountCalls],
})
export class ZoomApiModule {}
