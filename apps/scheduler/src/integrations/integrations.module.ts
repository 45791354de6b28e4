import { Module } from '@nestjs/common';
import { CredentialOwnershipModule } from '../credential-ownership/credential-ownership.module';
import { OomnitzaCatalogueModule } from '../oomnitza-catalogue/oomnitza-catalogue.module';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsService } from './integrations.service';
import { ScheduleRules } from '../schedules/schedule-rules';

@Module({
  imports: [CredentialOwnershipModule, OomnitzaCatalogueModule],
  controllers: [IntegrationsController],
  providers: [IntegrationsService, ScheduleRules],
  exports: [IntegrationsService, ScheduleRules],
})
export class IntegrationsModule {}
