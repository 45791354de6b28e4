import { Module } from '@nestjs/common';
import { RunRequestsController } from './run-requests.controller';

@Module({ controllers: [RunRequestsController] })
export class FetchJobsModule {}
