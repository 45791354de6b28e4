import { InvalidMessageError } from '@zoom-oomnitza-sync/contracts';

const MAX_LENGTH = 1_000;

/** A short, single-line account of an error for logs and dead-letter headers. */
export function describeError(error: unknown): string {
  const text =
    error instanceof InvalidMessageError
      ? error.problems.join('; ')
      : error instanceof Error
        ? `${error.name}: ${error.message}`
        : String(error);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}
