import { Module } from '@nestjs/common';
import { FetchJobRetention } from './fetch-job-retention';
import { RunRequestsController } from './run-requests.controller';

@Module({ controllers: [RunRequestsController], providers: [FetchJobRetention] })
export class FetchJobsModule {}
