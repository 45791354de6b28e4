import { DataSource } from 'typeorm';
import { ServiceIdentity } from '@zoom-oomnitza-sync/platform';

/**
 * Zoom's rate-limit categories for the calls the fetcher makes: listing users and the summary are
 * Medium, getting one user is Light. Each category has its own per-second limit per account.
 */
export type ZoomRateCategory = 'medium' | 'light';

/**
 * One Zoom account's pace per rate-limit category, shared by every replica and every integration
 * that calls the account: each call reserves the account's next slot in PostgreSQL (one row per
 * account and category, its clock the database's), then waits for it. Zoom's limits are per
 * account, whatever app or token calls, so the budget is keyed by account id, not by credential.
 */
export class ZoomRateBudget {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    identity: ServiceIdentity,
    private readonly requestsPerSecond: Readonly<Record<ZoomRateCategory, number>>,
  ) {
    this.table = `${dataSource.driver.escape(identity.schema)}.zoom_rate_slots`;
  }

  async wait(accountId: string, category: ZoomRateCategory): Promise<void> {
    const spacingMs = 1000 / this.requestsPerSecond[category];
    const [slot] = (await this.dataSource.query(
      `INSERT INTO ${this.table} AS slot (account_id, category, next_slot)
       VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT (account_id, category) DO UPDATE
         SET next_slot = GREATEST(slot.next_slot, clock_timestamp()) + $3 * interval '1 millisecond'
       RETURNING EXTRACT(EPOCH FROM (next_slot - clock_timestamp())) * 1000 - $3 AS wait_ms`,
      [accountId, category, spacingMs],
    )) as { wait_ms: string }[];
    const waitMs = Number(slot.wait_ms);
    if (waitMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
