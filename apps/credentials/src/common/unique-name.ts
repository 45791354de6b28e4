import { ConflictProblem } from '@zoom-oomnitza-sync/platform';
import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

/** Runs a write; a second credential of the same name in one tenant becomes 409 instead of a database error. */
export async function withUniqueName<T>(kind: string, name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new ConflictProblem(`A ${kind} credential named "${name}" already exists.`);
    }
    throw error;
  }
}
