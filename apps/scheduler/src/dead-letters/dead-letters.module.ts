import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { DeadLetteredRuns } from './dead-lettered-runs';
import { DeadLetterLog } from './dead-letter-log';
import { DeadLetterReplayer } from './dead-letter-replayer';
import { DeadLetterWatcher } from './dead-letter-watcher';
import { DeadLettersController } from './dead-letters.controller';

@Module({
  imports: [RunsModule],
  controllers: [DeadLettersController],
  providers: [DeadLetteredRuns, DeadLetterWatcher, DeadLetterLog, DeadLetterReplayer],
})
export class DeadLettersModule {}
