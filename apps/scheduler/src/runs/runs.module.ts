import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module';
import { RunAccountingService } from './run-accounting.service';
import { RunReportsController } from './run-reports.controller';
import { RunsController } from './runs.controller';
import { RunsService } from './runs.service';

@Module({
  imports: [IntegrationsModule],
  controllers: [RunsController, RunReportsController],
  providers: [RunsService, RunAccountingService],
  exports: [RunsService, RunAccountingService],
})
export class RunsModule {}
