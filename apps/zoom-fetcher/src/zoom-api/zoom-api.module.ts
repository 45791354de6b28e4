import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CredentialsClientModule } from '@zoom-oomnitza-sync/credentials-client';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { RequestPacer } from './request-pacer';
import { ZoomAccountCalls } from './zoom-account-calls';
import { ZoomSummaryReader } from './zoom-summary-reader';
import { ZoomUsersClient } from './zoom-users.client';

/**
 * Zoom's users API and the pace per Zoom account and rate-limit category that full syncs and
 * webhook reads share on this replica: Zoom's rate limits are per account, whoever calls.
 */
@Module({
  imports: [CredentialsClientModule],
  providers: [
    ZoomUsersClient,
    ZoomSummaryReader,
    ZoomAccountCalls,
    {
      provide: RequestPacer,
      inject: [ConfigService],
      useFactory: (config: ConfigService<ZoomFetcherEnvironment, true>) =>
        new RequestPacer({
          medium: config.get('ZOOM_REQUESTS_PER_SECOND', { infer: true }),
          light: config.get('ZOOM_USER_READS_PER_SECOND', { infer: true }),
        }),
    },
  ],
  exports: [ZoomUsersClient, RequestPacer, ZoomSummaryReader, ZoomAccountCalls],
})
export class ZoomApiModule {}
