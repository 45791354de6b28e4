import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationProblem } from '@zoom-oomnitza-sync/platform';

/** Credential ids are uuids: anything else is a 400 problem naming the parameter. */
export const uuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new ValidationProblem([{ field: 'id', message: 'id must be a UUID' }]),
});
