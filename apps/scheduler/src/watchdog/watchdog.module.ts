import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { RunWatchdog } from './run-watchdog';
import { WatchdogLoop } from './watchdog-loop';

@Module({
  imports: [RunsModule],
  providers: [RunWatchdog, WatchdogLoop],
})
export class WatchdogModule {}
