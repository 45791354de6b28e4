import { Module } from '@nestjs/common';
import { IntegrationSettingsController } from './integration-settings.controller';

@Module({ controllers: [IntegrationSettingsController] })
export class IntegrationSettingsModule {}
