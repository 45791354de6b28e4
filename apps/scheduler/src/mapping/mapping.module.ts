import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module';
import { OomnitzaCatalogueModule } from '../oomnitza-catalogue/oomnitza-catalogue.module';
import { MappingController } from './mapping.controller';

/** Checking an integration's mapping against its Oomnitza, and Smart Mapping. */
@Module({
  imports: [IntegrationsModule, OomnitzaCatalogueModule],
  controllers: [MappingController],
})
export class MappingModule {}
