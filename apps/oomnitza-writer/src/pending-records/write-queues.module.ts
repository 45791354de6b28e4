import { Module } from '@nestjs/common';
import { WriteQueues } from './write-queues';

@Module({ providers: [WriteQueues], exports: [WriteQueues] })
export class WriteQueuesModule {}
