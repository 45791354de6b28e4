import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { Pause } from './pause';

@Global()
@Module({ providers: [Clock, Pause], exports: [Clock, Pause] })
export class TimingModule {}
