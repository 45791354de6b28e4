import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { Pause } from '@zoom-oomnitza-sync/platform';

@Global()
@Module({ providers: [Clock, Pause], exports: [Clock, Pause] })
export class TimingModule {}
