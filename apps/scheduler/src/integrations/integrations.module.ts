import { Module } from '@nestjs/common';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsService } from './integrations.service';
import { ScheduleRules } from '../schedules/schedule-rules';

@Module({
  controllers: [IntegrationsController],
  providers: [IntegrationsService, ScheduleRules],
  exports: [IntegrationsService, ScheduleRules],
})
export class IntegrationsModule {}
