import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { DeadLetteredRuns } from './dead-lettered-runs';
import { DeadLetterWatcher } from './dead-letter-watcher';

@Module({
  imports: [RunsModule],
  providers: [DeadLetteredRuns, DeadLetterWatcher],
})
export class DeadLettersModule {}
