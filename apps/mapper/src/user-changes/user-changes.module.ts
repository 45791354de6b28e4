import { Module } from '@nestjs/common';
import { UserChangeMetrics } from './user-change-metrics';
import { UserChangesController } from './user-changes.controller';

@Module({ controllers: [UserChangesController], providers: [UserChangeMetrics] })
export class UserChangesModule {}
