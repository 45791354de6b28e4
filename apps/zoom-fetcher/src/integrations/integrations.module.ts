import { Module } from '@nestjs/common';
import { IntegrationChangesController } from './integration-changes.controller';
import { IntegrationDirectory } from './integration-directory';

/** The integrations as the scheduler announces them, kept locally: who receives a webhook's changes. */
@Module({ controllers: [IntegrationChangesController], providers: [IntegrationDirectory], exports: [IntegrationDirectory] })
export class IntegrationsModule {}
