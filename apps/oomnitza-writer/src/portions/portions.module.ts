import { Module } from '@nestjs/common';
import { PortionRetention } from './portion-retention';

@Module({ providers: [PortionRetention] })
export class PortionsModule {}
