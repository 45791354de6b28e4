import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module';
import { RunsModule } from '../runs/runs.module';
import { ScheduleFiring } from './schedule-firing';
import { ScheduleLoop } from './schedule-loop';

@Module({
  imports: [IntegrationsModule, RunsModule],
  providers: [ScheduleFiring, ScheduleLoop],
})
export class SchedulesModule {}
