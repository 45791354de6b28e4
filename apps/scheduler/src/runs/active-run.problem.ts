import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@zoom-oomnitza-sync/platform';
import { RunEntity } from './run.entity';

/** "Run now" while a run is under way: one run at a time, and the caller learns which one. */
export class ActiveRunProblem extends ProblemException {
  constructor(active: RunEntity) {
    super({
      status: HttpStatus.CONFLICT,
      slug: 'run-active',
      title: 'A run is already under way',
      detail:
        `Integration ${active.integrationId} has run ${active.id} (${active.status}, ${active.trigger}) under way since ` +
        `${active.requestedAt.toISOString()}: wait for it to finish.`,
      extensions: { activeRunId: active.id },
    });
  }
}
