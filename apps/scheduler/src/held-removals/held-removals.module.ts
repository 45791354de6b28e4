import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module';
import { HeldRemovalReportsController } from './held-removal-reports.controller';
import { HeldRemovalsController } from './held-removals.controller';
import { HeldRemovalsService } from './held-removals.service';

@Module({
  imports: [IntegrationsModule],
  controllers: [HeldRemovalsController, HeldRemovalReportsController],
  providers: [HeldRemovalsService],
})
export class HeldRemovalsModule {}
