import { Module } from '@nestjs/common';
import { RunRetention } from './run-retention';

@Module({ providers: [RunRetention] })
export class RetentionModule {}
