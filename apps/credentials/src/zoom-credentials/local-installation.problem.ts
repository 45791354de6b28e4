import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@zoom-oomnitza-sync/platform';

const REASON =
  'Zoom authenticates with Server-to-Server OAuth, and a Local installation supports neither OAuth nor AWS authentication, ' +
  'so a Zoom credential cannot be Local: use installationType "cloud".';

/** Zoom needs OAuth, which Local installations do not support (as in Oomnitza's own Zoom integration). */
export class LocalInstallationProblem extends ProblemException {
  constructor() {
    super({
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      slug: 'zoom-needs-cloud-installation',
      title: 'Zoom needs a Cloud installation',
      detail: REASON,
      errors: [{ field: 'installationType', message: 'Zoom needs OAuth, so only "cloud" is possible; "local" is not' }],
    });
  }
}
