import { Module } from '@nestjs/common';
import { IntegrationNamesController } from './integration-names.controller';

@Module({ controllers: [IntegrationNamesController] })
export class IntegrationNamesModule {}
