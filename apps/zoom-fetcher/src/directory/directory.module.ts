import { Module } from '@nestjs/common';
import { ZoomDirectory } from './zoom-directory';

/** The Zoom users the fetcher saw, per credential. */
@Module({
  providers: [ZoomDirectory],
  exports: [ZoomDirectory],
})
export class DirectoryModule {}
