import { DataSource } from 'typeorm';

const DELETE_CHUNK = 5_000;
/** Bounds one run so a large first purge does not hold a connection for long. */
const MAX_CHUNKS_PER_RUN = 20;

/**
 * Runs a DELETE of old rows a chunk at a time on one connection, at most MAX_CHUNKS_PER_RUN
 * chunks: `sql` takes the age as $1 and the chunk size as $2 (`... LIMIT $2 FOR UPDATE SKIP
 * LOCKED`, so replicas purging at once share the work). Returns how many rows went.
 */
export async function deleteInChunks(dataSource: DataSource, sql: string, age: number): Promise<number> {
  const queryRunner = dataSource.createQueryRunner();
  let deleted = 0;
  try {
    for (let chunk = 0; chunk < MAX_CHUNKS_PER_RUN; chunk += 1) {
      const result = await queryRunner.query(sql, [age, DELETE_CHUNK], true);
      deleted += result.affected ?? 0;
      if ((result.affected ?? 0) < DELETE_CHUNK) {
        break;
      }
    }
  } finally {
    await queryRunner.release();
  }
  return deleted;
}
