import { Waiting } from '@zoom-oomnitza-sync/platform';
import { DataSource, EntityManager } from 'typeorm';

const HELD_ROW_RETRY_MS = 100;

export interface UnannouncedRows<Row> {
  dataSource: DataSource;
  waiting: Waiting;
  /** Qualified table name. */
  table: string;
  /** The boolean column that says the row was announced. */
  flag: string;
  /** Publishes one row, in the transaction that sets its flag. */
  announce: (manager: EntityManager, row: Row) => Promise<void>;
}

/**
 * Announces every row whose flag is false, one transaction each (the row and its announcement
 * commit together); replicas share the work with SKIP LOCKED. A row skipped as locked is held by
 * another replica announcing it, or by another startup task that leaves it unannounced
 * (StoredSecretsMaintenance): it is waited for rather than left to the next start. Returns how
 * many rows this call announced.
 */
export async function announceUnannounced<Row>(rows: UnannouncedRows<Row>): Promise<number> {
  let announced = 0;
  for (;;) {
    if (await announceOne(rows)) {
      announced += 1;
    } else if (await someoneHoldsUnannounced(rows)) {
      await rows.waiting.for(HELD_ROW_RETRY_MS);
    } else {
      return announced;
    }
  }
}

function announceOne<Row>({ dataSource, table, flag, announce }: UnannouncedRows<Row>): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const [claimed] = (await manager.query(
      `UPDATE ${table} SET ${flag} = true
        WHERE id = (SELECT id FROM ${table} WHERE NOT ${flag} LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING *`,
    )) as [Row[], number];
    if (claimed.length === 0) {
      return false;
    }
    await announce(manager, claimed[0]);
    return true;
  });
}

async function someoneHoldsUnannounced<Row>({ dataSource, table, flag }: UnannouncedRows<Row>): Promise<boolean> {
  const rows = (await dataSource.query(`SELECT 1 FROM ${table} WHERE NOT ${flag} LIMIT 1`)) as unknown[];
  return rows.length > 0;
}
